package org.fundguard.extract;

import java.nio.file.Path;
import org.fundguard.support.Databases;

class PostgresContributionIslandsTest extends ContributionIslandsTests {
    @Override
    String newDatabase(Path dir) {
        return Databases.postgres();
    }
}
