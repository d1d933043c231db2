package org.fundguard.job;

import java.nio.file.Path;
import org.fundguard.support.Databases;

class H2SampleDataTest extends SampleDataTests {
    @Override
    String newDatabase(Path dir) {
        return Databases.h2(dir);
    }
}
