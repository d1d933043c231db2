package org.fundguard.job;

import java.nio.file.Path;
import org.fundguard.support.Databases;

class PostgresSampleDataTest extends SampleDataTests {
    @Override
    String newDatabase(Path dir) {
        return Databases.postgres();
    }
}
