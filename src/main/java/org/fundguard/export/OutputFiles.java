package org.fundguard.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.fundguard.run.ContractException;

/**
 * Where outputs are created: folders and files readable by owner and group only (outputs carry
 * personal data), each file written under a temporary name and renamed when complete so that a
 * reader never sees half a file. A file name built from data (a region code) goes through
 * {@link #resolveInside}, and no output path may contain {@code ..}.
 */
public final class OutputFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIR_PERMS = PosixFilePermissions.fromString("rwxr-x---");
    private static final Set<PosixFilePermission> FILE_PERMS = PosixFilePermissions.fromString("rw-r-----");

    private OutputFiles() {
    }

    public static Path createDirectories(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null) {
                    createDirectories(parent);
                }
                Files.createDirectories(dir);
                if (POSIX) {
                    Files.setPosixFilePermissions(dir, DIR_PERMS);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code outDir/names...}, where names may come from the data (a region code): each must be one
     * plain path segment (not empty, {@code .} or {@code ..}, no separator or control character),
     * and the path, with the symbolic links of its existing part resolved, must stay inside
     * {@code outDir}. Otherwise a contract error (exit 2) naming the path.
     */
    public static Path resolveInside(Path outDir, String... names) {
        Path target = outDir;
        StringBuilder shown = new StringBuilder();
        boolean plain = true;
        for (String name : names) {
            String n = name == null ? "" : name;
            shown.append(shown.length() == 0 ? "" : "/").append(n.replaceAll("\\p{Cntrl}", "?"));
            plain &= !n.isEmpty() && !n.equals(".") && !n.equals("..") && n.indexOf('/') < 0 && n.indexOf('\\') < 0
                    && n.chars().noneMatch(Character::isISOControl);
            if (plain) {
                target = target.resolve(n);
            }
        }
        if (!plain || !target.normalize().startsWith(outDir.normalize()) || !realPathInside(target, outDir)) {
            throw new ContractException("output path " + shown + " (built from the data) would leave the output folder "
                    + outDir + "; nothing is written there");
        }
        return target;
    }

    /** True when the existing part of {@code target}, symbolic links resolved, lies inside {@code dir}'s real path. */
    private static boolean realPathInside(Path target, Path dir) {
        try {
            if (!Files.exists(dir)) {
                return true; // nothing exists yet below it either
            }
            Path realDir = dir.toRealPath();
            for (Path p = target; p != null && p.startsWith(dir); p = p.getParent()) {
                if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    return Files.exists(p) && p.toRealPath().startsWith(realDir);
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A temporary sibling of {@code target}, to be passed to {@link #commit}. */
    public static Path temporaryFor(Path target) throws IOException {
        for (Path part : target) {
            if (part.toString().equals("..")) {
                throw new ContractException("output path " + target + " contains '..'; outputs are written only inside the output folder");
            }
        }
        createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        if (POSIX) {
            Files.setPosixFilePermissions(tmp, FILE_PERMS);
        }
        return tmp;
    }

    /** Renames the finished temporary file over the target. */
    public static void commit(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes a small text file atomically; on failure (disk full) no temporary file is left behind. */
    public static void writeString(Path target, String content) {
        Path tmp = null;
        try {
            tmp = temporaryFor(target);
            Files.writeString(tmp, content);
            commit(tmp, target);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Removes a temporary file of a failed write, if there is one. */
    static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the next attempt replaces it (temporaryFor)
        }
    }
}
