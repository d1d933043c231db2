package org.fundguard.worklist;

import java.nio.file.Path;
import org.fundguard.support.Databases;

class H2WorklistOutputTest extends WorklistOutputTests {
    @Override
    String newDatabase(Path dir) {
        return Databases.h2(dir);
    }
}
