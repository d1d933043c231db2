package org.fundguard.run;

import java.nio.file.Path;
import org.fundguard.support.Databases;

class H2RunLockTest extends RunLockTests {
    @Override
    String newDatabase(Path dir) {
        return Databases.h2(dir);
    }
}
