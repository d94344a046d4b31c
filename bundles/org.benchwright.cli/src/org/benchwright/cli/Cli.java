/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.benchwright.cli.internal.AccountsCommand;
import org.benchwright.cli.internal.ApproveCommand;
import org.benchwright.cli.internal.BenchmarkCommand;
import org.benchwright.cli.internal.CfxBenchmarkCommand;
import org.benchwright.cli.internal.CfxCommand;
import org.benchwright.cli.internal.CheckModelCommand;
import org.benchwright.cli.internal.DevelopProfileCommand;
import org.benchwright.cli.internal.ExportCommand;
import org.benchwright.cli.internal.InstallDriverCommand;
import org.benchwright.cli.internal.KeysCommand;
import org.benchwright.cli.internal.LoginCommand;
import org.benchwright.cli.internal.LspCommand;
import org.benchwright.cli.internal.PeopleCommand;
import org.benchwright.cli.internal.PlantBenchmarkCommand;
import org.benchwright.cli.internal.ProfileBenchmarkCommand;
import org.benchwright.cli.internal.ReportBenchmarkCommand;
import org.benchwright.cli.internal.ReportCommand;
import org.benchwright.cli.internal.ReviewRecordCommand;
import org.benchwright.cli.internal.RunCommand;
import org.benchwright.cli.internal.SignCommand;
import org.benchwright.cli.internal.SimulateCommand;
import org.benchwright.cli.internal.StationsCommand;
import org.benchwright.cli.internal.StatusCommand;
import org.benchwright.cli.internal.StoreCommand;
import org.benchwright.cli.internal.SubmitCommand;
import org.benchwright.cli.internal.TraceCommand;
import org.benchwright.cli.internal.ValidateCommand;
import org.benchwright.cli.internal.VerifyCommand;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The {@code benchwright} command line: dispatches to its commands and answers {@code --version} and {@code --help}. */
public final class Cli {

    /** The commands by name, each made when it is asked for: a run makes only its own. */
    private final Map<String, Supplier<? extends Command>> commands = new LinkedHashMap<>();

    public Cli() {
        command("validate", ValidateCommand::new);
        command("lsp", LspCommand::new);
        command("run", RunCommand::new);
        command("login", LoginCommand::login);
        command("logout", LoginCommand::logout);
        command("accounts", AccountsCommand::new);
        command("submit", SubmitCommand::new);
        command("approve", ApproveCommand::new);
        command("status", StatusCommand::new);
        command("people", PeopleCommand::new);
        command("stations", StationsCommand::new);
        command("simulate", SimulateCommand::new);
        command("develop-profile", DevelopProfileCommand::new);
        command("verify", VerifyCommand::new);
        command("sign", SignCommand::new);
        command("keys", KeysCommand::new);
        command("install-driver", InstallDriverCommand::new);
        command("review-record", ReviewRecordCommand::new);
        command("report", ReportCommand::new);
        command("export", ExportCommand::new);
        command("store", StoreCommand::new);
        command("trace", TraceCommand::new);
        command("cfx", CfxCommand::new);
        command("check-model", CheckModelCommand::new);
        command("benchmark", BenchmarkCommand::new);
        command("plant-benchmark", PlantBenchmarkCommand::new);
        command("cfx-benchmark", CfxBenchmarkCommand::new);
        command("report-benchmark", ReportBenchmarkCommand::new);
        command("profile-benchmark", ProfileBenchmarkCommand::new);
    }

    public Cli(List<Command> commands) {
        commands.forEach(c -> command(c.name(), () -> c));
    }

    private void command(String name, Supplier<? extends Command> command) {
        commands.put(name, command);
    }

    /** Every command, made: each answers for its name as the command line knows it (help and its test ask this). */
    public List<Command> commands() {
        List<Command> all = new ArrayList<>();
        commands.forEach((name, command) -> {
            Command made = command.get();
            if (!made.name().equals(name)) {
                throw new IllegalStateException("the command line knows '" + name + "' but the command calls itself '"
                        + made.name() + "'");
            }
            all.add(made);
        });
        return all;
    }

    /** Runs one command line and returns the process exit code. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (rest.isEmpty() || rest.get(0).equals("--help") || rest.get(0).equals("-h") || rest.get(0).equals("help")) {
            printHelp(out);
            return rest.isEmpty() ? Command.UNUSABLE : Command.OK;
        }
        String first = rest.remove(0);
        if (first.equals("--version") || first.equals("version")) {
            out.println("benchwright " + version());
            return Command.OK;
        }
        Supplier<? extends Command> made = commands.get(first);
        if (made == null) {
            err.println("benchwright: unknown command '" + first + "'; 'benchwright --help' lists the commands");
            return Command.UNUSABLE;
        }
        Command command = made.get();
        if (rest.contains("--help")) {
            out.println("usage: benchwright " + command.name() + " " + command.usage());
            out.println(command.summary());
            return Command.OK;
        }
        return command.run(rest, out, err);
    }

    private void printHelp(PrintStream out) {
        out.println("usage: benchwright <command> [arguments]");
        out.println();
        out.println("Rework, repair and modification of electronic assemblies (IPC-7711/7721).");
        out.println();
        out.println("Commands:");
        for (Command c : commands()) {
            out.println("  " + (c.name() + " " + c.usage()).strip());
            out.println("      " + c.summary());
        }
        out.println("  --version");
        out.println("      print the version");
        out.println("  --help");
        out.println("      print this help; 'benchwright <command> --help' for one command");
    }

    /** The version of the running product, taken from this bundle. */
    public static String version() {
        Bundle bundle = FrameworkUtil.getBundle(Cli.class);
        return bundle == null ? "(not running in OSGi)" : bundle.getVersion().toString();
    }
}
