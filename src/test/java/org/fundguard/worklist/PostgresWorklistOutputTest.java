package org.fundguard.worklist;

import java.nio.file.Path;
import org.fundguard.support.Databases;

class PostgresWorklistOutputTest extends WorklistOutputTests {
    @Override
    String newDatabase(Path dir) {
        return Databases.postgres();
    }
}
