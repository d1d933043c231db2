package org.fundguard.service;

import java.nio.file.Path;
import org.fundguard.support.Databases;

class H2ServiceListsTest extends ServiceListsTests {
    @Override
    String newDatabase(Path dir) {
        return Databases.h2(dir);
    }
}
