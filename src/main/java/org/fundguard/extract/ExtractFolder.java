package org.fundguard.extract;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.fundguard.run.ContractException;

/**
 * One night's extract folder, checked before anything is loaded: the folder is readable, every
 * required file is there, and every present file has a header with the required columns.
 */
public final class ExtractFolder {

    private final Path dir;
    private final Map<Extract, ExtractHeader> present = new EnumMap<>(Extract.class);

    private ExtractFolder(Path dir) {
        this.dir = dir;
    }

    public static ExtractFolder inspect(Path dir, Charset charset) {
        if (!Files.isDirectory(dir)) {
            throw new ContractException("--extracts " + dir + ": no such folder");
        }
        if (!Files.isReadable(dir)) {
            throw new ContractException("--extracts " + dir + ": folder is not readable");
        }
        ExtractFolder folder = new ExtractFolder(dir);
        for (Extract extract : Extract.values()) {
            Path file = dir.resolve(extract.fileName());
            if (!Files.exists(file)) {
                if (extract.required()) {
                    throw new ContractException(file + ": required extract file " + extract.fileName() + " is missing");
                }
                continue;
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new ContractException(file + ": not a readable file");
            }
            folder.present.put(extract, ExtractHeader.read(extract, file, charset));
        }
        return folder;
    }

    public Path dir() {
        return dir;
    }

    public Path file(Extract extract) {
        return dir.resolve(extract.fileName());
    }

    public boolean has(Extract extract) {
        return present.containsKey(extract);
    }

    public ExtractHeader header(Extract extract) {
        return present.get(extract);
    }
}
