package org.fundguard.report;

import java.nio.file.Path;
import org.fundguard.support.Databases;

class H2TrendReportTest extends TrendReportTests {
    @Override
    String newDatabase(Path dir) {
        return Databases.h2(dir);
    }
}
