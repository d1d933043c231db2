package org.fundguard.extract;

import java.io.IOException;
import java.io.Writer;
import java.util.BitSet;
import java.util.Map;
import java.util.HashMap;
import java.util.TreeMap;

/**
 * Turns contribution keys read in key order (person, employer, month) into the rows of
 * {@code employment_island}, {@code insured_island} and {@code employer_month}, written as
 * COPY CSV. The same islands the SQL of {@link ContributionIslands} computes, in one streaming
 * pass: memory holds one person's months and one bit per employer and month, not the rows.
 */
final class IslandStream {

    /** Month number of 1999-01, the earliest period the contract accepts (bit 0 of the bit sets). */
    static final int BASE = 1999 * 12;

    private final Writer employment;
    private final Writer insured;
    private final Map<String, BitSet> employerMonths = new HashMap<>();
    /** The current employer's months (looked up once per person and employer, not per month). */
    private BitSet currentEmployerMonths;
    private final BitSet personMonths = new BitSet();

    private String person;
    private String employer;
    private int runStart;
    private int runEnd;
    private boolean pending;
    private int pendingFirst;
    private int pendingLast;
    private long employmentRows;
    private long insuredRows;

    IslandStream(Writer employment, Writer insured) {
        this.employment = employment;
        this.insured = insured;
    }

    void add(String personId, String employerId, int month) throws IOException {
        boolean samePerson = personId.equals(person);
        if (!samePerson || !employerId.equals(employer)) {
            closeRun(true);
            if (!samePerson) {
                flushPerson();
                person = personId;
            }
            employer = employerId;
            currentEmployerMonths = employerMonths.computeIfAbsent(employerId, e -> new BitSet());
            runStart = month;
            runEnd = month;
        } else if (month == runEnd + 1) {
            runEnd = month;
        } else if (month > runEnd) {
            closeRun(false);
            runStart = month;
            runEnd = month;
        }
        personMonths.set(month - BASE);
        currentEmployerMonths.set(month - BASE);
    }

    /** Ends the stream; returns the rows written: employment islands, insured islands. */
    long[] finish() throws IOException {
        closeRun(true);
        flushPerson();
        return new long[] {employmentRows, insuredRows};
    }

    /** The employer months, for {@code employer_month}. */
    void writeEmployerMonths(Writer out) throws IOException {
        for (Map.Entry<String, BitSet> e : new TreeMap<>(employerMonths).entrySet()) {
            BitSet months = e.getValue();
            for (int m = months.nextSetBit(0); m >= 0; m = months.nextSetBit(m + 1)) {
                out.write(e.getKey());
                out.write(',');
                out.write(Integer.toString(m + BASE));
                out.write('\n');
            }
        }
    }

    /** The current run becomes the pending island; the earlier pending one learns its successor. */
    private void closeRun(boolean lastOfPair) throws IOException {
        if (employer == null) {
            return;
        }
        if (pending) {
            writeEmployment(pendingFirst, pendingLast, runStart);
        }
        if (lastOfPair) {
            writeEmployment(runStart, runEnd, null);
            pending = false;
        } else {
            pending = true;
            pendingFirst = runStart;
            pendingLast = runEnd;
        }
    }

    private void writeEmployment(int first, int last, Integer next) throws IOException {
        employment.write(person);
        employment.write(',');
        employment.write(employer);
        employment.write(',');
        employment.write(Integer.toString(first));
        employment.write(',');
        employment.write(Integer.toString(last));
        employment.write(',');
        if (next != null) {
            employment.write(Integer.toString(next));
        }
        employment.write('\n');
        employmentRows++;
    }

    private void flushPerson() throws IOException {
        if (person == null) {
            return;
        }
        int start = personMonths.nextSetBit(0);
        while (start >= 0) {
            int end = personMonths.nextClearBit(start) - 1;
            insured.write(person);
            insured.write(',');
            insured.write(Integer.toString(start + BASE));
            insured.write(',');
            insured.write(Integer.toString(end + BASE));
            insured.write('\n');
            insuredRows++;
            start = personMonths.nextSetBit(end + 1);
        }
        personMonths.clear();
        employer = null;
    }
}
