package org.fundguard.screening;

import java.nio.file.Path;
import org.fundguard.support.Databases;

class H2IncrementalScreeningTest extends IncrementalScreeningTests {
    @Override
    String newDatabase(Path dir) {
        return Databases.h2(dir);
    }
}
