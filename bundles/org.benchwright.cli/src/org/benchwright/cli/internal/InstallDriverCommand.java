/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.benchwright.cli.Command;
import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.Person;
import org.benchwright.store.AccountPolicy;
import org.benchwright.store.Accounts;
import org.benchwright.store.StoreException;

/**
 * {@code install-driver}: installs a vendor's driver feature from a p2 repository into this product, with p2's
 * director (carried by the product, run in a JVM of its own). Only what a trusted key signed, unaltered, goes in: the
 * product trusts the key that signed its own build, and p2 refuses unsigned content (the product's
 * {@code eclipse.p2.unsignedPolicy=fail}), content whose signature does not match it, and content signed by any other
 * key. An admin may let one installation through, {@code --allow-unsigned} or {@code --trust-key <fingerprint>}
 * (a vendor's key); when the plant store keeps accounts, that takes an admin signed in, and is recorded in the
 * admin's account events.
 */
public final class InstallDriverCommand implements Command {

    /** What installs: p2's director with these arguments and system properties. */
    @FunctionalInterface
    public interface Director {
        Outcome run(List<String> properties, List<String> arguments) throws IOException;
    }

    /** The director's exit code and everything it printed. */
    public record Outcome(int exit, String output) {
    }

    private static final Pattern UNSIGNED = Pattern.compile("Installing unsigned artifacts is not permitted: \\[(.*)]");
    private static final Pattern PGP_KEY = Pattern.compile("signed by PGP key ([0-9A-Fa-f]{16,40})");
    private static final Pattern INVALID = Pattern.compile(
            "Problems downloading artifact: ([^\\n]*?)\\.?\\n\\s*The signature is invalid for current content");

    private final Director director;

    public InstallDriverCommand() {
        this(InstallDriverCommand::runDirector);
    }

    public InstallDriverCommand(Director director) {
        this.director = director;
    }

    @Override
    public String name() {
        return "install-driver";
    }

    @Override
    public String usage() {
        return "<p2 repository: folder, .zip or URL> <feature id> [--allow-unsigned] [--trust-key <OpenPGP "
                + "fingerprint>]... " + PlantAccess.OPTIONS;
    }

    @Override
    public String summary() {
        return "installs a vendor's driver from a p2 repository: only content a trusted key signed, unaltered";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        boolean allowUnsigned = args.remove("--allow-unsigned");
        Set<String> trusted = new LinkedHashSet<>();
        for (String key = Arguments.take(args, "--trust-key", null); key != null; key = Arguments.take(args,
                "--trust-key", null)) {
            String fingerprint = key.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!fingerprint.matches("[0-9A-F]{40}")) {
                err.println("benchwright install-driver: --trust-key takes a key's full fingerprint (40 hexadecimal "
                        + "digits, as p2 prints it), not '" + key + "'");
                return UNUSABLE;
            }
            trusted.add(fingerprint);
        }
        try (PlantAccess access = PlantAccess.take(args)) {
            if (args.size() != 2 || args.stream().anyMatch(a -> a.startsWith("--"))) {
                err.println("usage: benchwright install-driver " + usage());
                return UNUSABLE;
            }
            String repository = repository(args.get(0));
            String feature = args.get(1).replaceFirst("\\.feature\\.group$", "");
            if (allowUnsigned || !trusted.isEmpty()) {
                String act = "install " + feature + " from " + repository
                        + (allowUnsigned ? ", unsigned content allowed" : "")
                        + (trusted.isEmpty() ? "" : ", trusting the key(s) " + String.join(", ", trusted));
                out.println(authorize(access, act));
            }
            List<String> properties = allowUnsigned ? List.of("-Declipse.p2.unsignedPolicy=allow") : List.of();
            List<String> director = new ArrayList<>(List.of("-repository", repository, "-installIU",
                    feature + ".feature.group", "-profile", "DefaultProfile", "-verboseTrust",
                    // an unanchored certificate or a key the product does not trust yet is refused, not asked about
                    "-trustedCertificates", "", "-trustedPGPKeys", String.join(",", trusted).toLowerCase(Locale.ROOT)));
            if (!allowUnsigned) {
                director.add("-trustSignedContentOnly");
            }
            Outcome outcome = this.director.run(properties, director);
            if (outcome.exit() == 0 && !outcome.output().contains("Installation failed")
                    && !outcome.output().contains("There were errors")) {
                out.println(feature + " installed from " + repository + ": its content is signed by a key this "
                        + "product trusts" + (allowUnsigned ? " or let in unsigned by an admin" : "")
                        + "; the workbench and the command line load it when they next start");
                return OK;
            }
            err.println("benchwright install-driver: " + feature + " not installed: " + why(outcome.output()));
            return FINDINGS;
        } catch (AccessDeniedException e) {
            err.println("benchwright install-driver: " + e.getMessage());
            return FINDINGS;
        } catch (IllegalArgumentException e) {
            err.println("benchwright install-driver: " + e.getMessage());
            return UNUSABLE;
        } catch (StoreException | IOException e) {
            err.println("benchwright install-driver: " + e.getMessage());
            return UNUSABLE;
        }
    }

    /** Checks that an admin allows the act, and records it; says who did. */
    private static String authorize(PlantAccess access, String act)
            throws AccessDeniedException, IOException, StoreException {
        Accounts accounts = access.none() ? null : access.store().accounts(AccountPolicy.ofThisMachine());
        if (accounts == null || accounts.none()) {
            return "the plant store keeps no accounts, so no admin is asked: " + act;
        }
        Person admin = accounts.authorize(SessionFile.resume(accounts, access.store().location()),
                "allow a driver in (" + act + ")");
        return "allowed by the admin " + admin.id() + " (" + admin.name() + "), recorded: " + act;
    }

    /** What p2 refused and why, in a user's words, with the lines of p2's answer that tell it. */
    static String why(String output) {
        List<String> reasons = new ArrayList<>();
        Matcher unsigned = UNSIGNED.matcher(output);
        if (unsigned.find()) {
            reasons.add("it holds unsigned content (" + names(unsigned.group(1)) + "); a bench installs only what a "
                    + "trusted key signed, and only an admin may let unsigned content in, with --allow-unsigned");
        }
        Matcher invalid = INVALID.matcher(output);
        if (invalid.find()) {
            reasons.add(invalid.group(1) + " does not match its signature: it was changed after its vendor signed "
                    + "it; do not install it (fetch the vendor's repository again)");
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Matcher key = PGP_KEY.matcher(output); key.find();) {
            keys.add(key.group(1).toUpperCase(Locale.ROOT));
        }
        if (!keys.isEmpty() && (output.contains("rejected") || output.contains("not trusted")
                || output.contains("Cannot proceed") || output.contains("Installation failed"))) {
            reasons.add("it is signed by the OpenPGP key " + String.join(", ", keys) + ", which this product does "
                    + "not trust; an admin who has checked that key with its vendor may trust it with --trust-key");
        }
        String p2 = output.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("session context") && !l.startsWith("-----")
                        && !l.matches("[A-Za-z0-9+/=]{40,}"))
                .collect(Collectors.joining("\n    "));
        return (reasons.isEmpty() ? "p2 refused it" : String.join("; ", reasons)) + "\n  p2 said:\n    " + p2;
    }

    private static String names(String files) {
        return Stream.of(files.split(",\\s*")).map(f -> Path.of(f.strip()).getFileName().toString())
                .collect(Collectors.joining(", "));
    }

    /** A folder, a zipped repository or a URL, as p2 reads it. */
    static String repository(String given) {
        if (given.contains("://")) {
            return given;
        }
        Path path = Path.of(given).toAbsolutePath().normalize();
        if (given.endsWith(".zip") && Files.isRegularFile(path)) {
            return "jar:" + path.toUri() + "!/";
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("no p2 repository at " + given + " (a folder, a .zip or a URL)");
        }
        return path.toUri().toString();
    }

    /** p2's director in a JVM of its own, on this product (its install area), installing into it. */
    private static Outcome runDirector(List<String> properties, List<String> arguments) throws IOException {
        Path product;
        try {
            String area = System.getProperty("osgi.install.area");
            if (area == null) {
                throw new IOException("not running in an installed product (no osgi.install.area)");
            }
            product = Path.of(new URI(area.replace(" ", "%20")));
        } catch (URISyntaxException e) {
            throw new IOException("the product's folder: " + e.getMessage(), e);
        }
        Path launcher;
        try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
            launcher = plugins.filter(p -> p.getFileName().toString().matches("org\\.eclipse\\.equinox\\.launcher_.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IOException("no Equinox launcher in " + product));
        }
        String javaCommand = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(javaCommand, "-Duser.home=" + System.getProperty("user.home")));
        command.addAll(properties);
        command.addAll(List.of("-jar", launcher.toString(), "-install", product.toString(), "-nosplash",
                "-application", "org.eclipse.equinox.p2.director", "-destination", product.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new Outcome(process.waitFor(), output);
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while p2 installed", e);
        }
    }
}
