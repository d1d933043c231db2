package org.fundguard.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import org.fundguard.run.ContractException;
import org.fundguard.run.RunParameters;

/**
 * {@code fundguard screen --extracts DIR --as-of YYYY-MM-DD --out DIR [--config FILE]
 * [--charset UTF-8|GB18030] [--medical-standards FILE]} (outputs.md). Options may be written
 * {@code --name value} or {@code --name=value}; Spring properties ({@code --spring.datasource.url=...})
 * pass through to Spring Boot.
 */
public final class ScreenCommand {

    public static final String USAGE = """
            Usage: fundguard screen --extracts DIR --as-of YYYY-MM-DD --out DIR
                                    [--config FILE] [--charset UTF-8|GB18030]
                                    [--medical-standards FILE]

            Loads one night's extract folder into the FundGuard database, screens it and
            writes the outputs into OUT/<as-of>/.

              --extracts DIR            the extract folder (employers.csv, contributions.csv,
                                        claims.csv required; subsidies.csv, certificates.csv,
                                        registrations.csv, medical.csv optional)
              --as-of YYYY-MM-DD        the run's as-of date; a nightly run passes yesterday.
                                        Running a date again resumes it if it failed, or
                                        re-produces its outputs if it completed
              --out DIR                 the output root; the run writes into DIR/<as-of>/
                                        (refused when it leads, through links or '..', into
                                        the extract folder, or the extract folder into it)
              --config FILE             job parameters (rule thresholds, load options) as
                                        key=value lines overriding the defaults, e.g.
                                        jobs/tightened-example.properties
              --charset NAME            UTF-8 (default, with or without BOM) or GB18030
                                        (also for GBK exports)
              --medical-standards FILE  local medical-insurance proxy-payment standards
                                        (default jobs/medical-standards.csv)
              --help                    this text

            Database: embedded H2 under ./data/ unless SPRING_DATASOURCE_URL (with
            SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD) names another, e.g.
            jdbc:postgresql://localhost:5432/fundguard, or FUNDGUARD_CREDENTIALS_FILE names a
            properties file with spring.datasource.url/username/password (mode 600 or 640:
            no access for others, no group write; the environment overrides it).

            Exit codes: 0 completed; 1 failed (run the same command again to resume);
            2 usage or contract error (nothing loaded); 3 another run is in progress;
            4 an extract was rejected as broken (rejects written, nothing screened).
            """;

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private ScreenCommand() {
    }

    /** True when the arguments ask for help. */
    public static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h") || args.contains("help");
    }

    public static RunParameters parse(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("screen")) {
            throw new ContractException("the first argument must be the command 'screen' (see --help)");
        }
        String extracts = null;
        String asOf = null;
        String out = null;
        String config = null;
        String charset = "UTF-8";
        String medical = null;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
                if (name.contains(".")) {
                    continue; // a Spring property, e.g. --spring.datasource.url=...
                }
            } else if (arg.startsWith("--")) {
                if (i + 1 >= args.size()) {
                    throw new ContractException(arg + " needs a value (see --help)");
                }
                value = args.get(++i);
            } else {
                throw new ContractException("unexpected argument '" + arg + "' (see --help)");
            }
            switch (name) {
                case "--extracts" -> extracts = value;
                case "--as-of" -> asOf = value;
                case "--out" -> out = value;
                case "--config" -> config = value;
                case "--charset" -> charset = value;
                case "--medical-standards" -> medical = value;
                default -> throw new ContractException("unknown option " + name + " (see --help)");
            }
        }
        if (extracts == null || asOf == null || out == null) {
            throw new ContractException("--extracts, --as-of and --out are required (see --help)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(asOf, ISO);
        } catch (DateTimeParseException e) {
            throw new ContractException("--as-of '" + asOf + "' is not a date YYYY-MM-DD");
        }
        Path extractsDir = realPath(Path.of(extracts));
        Path outRoot = realPath(Path.of(out));
        Path outDir = realPath(outRoot.resolve(date.toString()));
        if (outRoot.startsWith(extractsDir) || outDir.startsWith(extractsDir)) {
            throw new ContractException("--out " + shown(out, outRoot.startsWith(extractsDir) ? outRoot : outDir)
                    + " lies inside the extract folder " + shown(extracts, extractsDir) + "; outputs are never written among the extracts");
        }
        if (extractsDir.startsWith(outDir)) {
            throw new ContractException("--extracts " + shown(extracts, extractsDir) + " lies inside the run's output folder "
                    + outDir + "; outputs are never written among the extracts");
        }
        return new RunParameters(date, 0, extractsDir, outRoot, charset(charset),
                config == null ? null : Path.of(config).toAbsolutePath().normalize(),
                medical == null ? null : Path.of(medical).toAbsolutePath().normalize());
    }

    /**
     * Where a path really leads: absolute, symbolic links resolved and {@code ..} applied as the
     * operating system would, for the part that exists; the rest (folders still to be created)
     * normalised.
     */
    static Path realPath(Path path) {
        Path p = path.toAbsolutePath();
        Path root = p.getRoot();
        for (int i = p.getNameCount(); i > 0; i--) {
            Path existing = root.resolve(p.subpath(0, i));
            if (Files.exists(existing)) {
                try {
                    Path real = existing.toRealPath();
                    return i == p.getNameCount() ? real : real.resolve(p.subpath(i, p.getNameCount())).normalize();
                } catch (IOException e) {
                    throw new ContractException(path + ": cannot resolve the path (" + e.getClass().getSimpleName() + ")");
                }
            }
        }
        return p.normalize();
    }

    /** The path as given, with where it really leads when that is elsewhere. */
    private static String shown(String given, Path real) {
        return Path.of(given).toAbsolutePath().equals(real) ? given : given + " (" + real + ")";
    }

    static Charset charset(String name) {
        return switch (name.toUpperCase(java.util.Locale.ROOT)) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "GB18030", "GBK", "GB2312" -> Charset.forName("GB18030");
            default -> throw new ContractException("--charset " + name + ": use UTF-8 or GB18030");
        };
    }
}
