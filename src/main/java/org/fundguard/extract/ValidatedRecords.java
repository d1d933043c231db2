package org.fundguard.extract;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads and validates a file's records on a thread of its own, in batches, while the caller
 * stages them: parsing and validation take about as long as formatting rows for the database,
 * so the two halves of a load run side by side on two cores (a 21 M-row file stages in about
 * two thirds of the time). Order is kept; at most {@value #QUEUED} batches wait, so memory stays
 * flat. Any failure of the reading thread is rethrown to the caller.
 */
final class ValidatedRecords implements AutoCloseable {

    /** A record and what validation made of it ({@code values} null when it cannot be loaded). */
    record Item(CsvRecordReader.Record record, List<Issue> issues, Object[] values) {
    }

    static final int BATCH = 512;
    static final int QUEUED = 16;
    private static final List<Item> END = List.of();

    private final BlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread thread;
    private volatile boolean cancelled;
    private volatile Throwable failure;
    private List<Item> current = List.of();
    private int position;
    private boolean ended;

    ValidatedRecords(CsvRecordReader reader, RowValidator validator, Charset charset, String name) {
        thread = new Thread(() -> produce(reader, validator, charset), "validate-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(CsvRecordReader reader, RowValidator validator, Charset charset) {
        try {
            List<Item> batch = new ArrayList<>(BATCH);
            CsvRecordReader.Record record;
            while (!cancelled && (record = reader.next()) != null) {
                List<Issue> issues = ExtractStager.unreadable(record, charset);
                if (issues != null) {
                    batch.add(new Item(record, issues, null));
                } else {
                    RowValidator.Result result = validator.validate(record.fields());
                    batch.add(new Item(record, result.issues(), result.rejected() ? null : result.values()));
                }
                if (batch.size() == BATCH) {
                    put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            put(batch);
        } catch (Throwable t) {
            failure = t;
        } finally {
            try {
                put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void put(List<Item> batch) throws InterruptedException {
        while (!cancelled && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            // the caller is slower: wait, unless it gave up
        }
    }

    /** The next validated record, or null at the end of the file. */
    Item next() throws InterruptedException {
        while (position == current.size()) {
            if (ended) {
                return null;
            }
            List<Item> batch = queue.take();
            if (batch == END) {
                ended = true;
                Throwable t = failure;
                if (t instanceof RuntimeException r) {
                    throw r;
                }
                if (t instanceof Error e) {
                    throw e;
                }
                if (t != null) {
                    throw new java.io.UncheckedIOException(t instanceof java.io.IOException io ? io : new java.io.IOException(t));
                }
                return null;
            }
            current = batch;
            position = 0;
        }
        return current.get(position++);
    }

    /** Stops the reading thread (early end: a stop request or a database failure) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        cancelled = true;
        queue.clear();
        thread.join(10_000);
    }
}
