package org.fundguard.extract;

import java.nio.file.Path;
import org.fundguard.support.Databases;

class H2ContributionIslandsTest extends ContributionIslandsTests {
    @Override
    String newDatabase(Path dir) {
        return Databases.h2(dir);
    }
}
