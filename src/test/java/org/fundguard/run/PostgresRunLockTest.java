package org.fundguard.run;

import java.nio.file.Path;
import org.fundguard.support.Databases;

class PostgresRunLockTest extends RunLockTests {
    @Override
    String newDatabase(Path dir) {
        return Databases.postgres();
    }
}
