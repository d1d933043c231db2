package org.fundguard.report;

import java.nio.file.Path;
import org.fundguard.support.Databases;

class PostgresTrendReportTest extends TrendReportTests {
    @Override
    String newDatabase(Path dir) {
        return Databases.postgres();
    }
}
