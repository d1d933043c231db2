package org.fundguard.screening;

import java.nio.file.Path;
import org.fundguard.support.Databases;

class PostgresIncrementalScreeningTest extends IncrementalScreeningTests {
    @Override
    String newDatabase(Path dir) {
        return Databases.postgres();
    }
}
