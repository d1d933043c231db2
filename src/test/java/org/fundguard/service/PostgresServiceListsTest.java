package org.fundguard.service;

import java.nio.file.Path;
import org.fundguard.support.Databases;

class PostgresServiceListsTest extends ServiceListsTests {
    @Override
    String newDatabase(Path dir) {
        return Databases.postgres();
    }
}
