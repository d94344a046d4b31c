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

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli() {
        this(List.of(new ValidateCommand(), new LspCommand(), new RunCommand(), LoginCommand.login(), LoginCommand.logout(), new AccountsCommand(), new SubmitCommand(),
                new ApproveCommand(),
                new StatusCommand(),
                new PeopleCommand(), new StationsCommand(), new SimulateCommand(), new DevelopProfileCommand(),
                new VerifyCommand(), new SignCommand(), new KeysCommand(), new InstallDriverCommand(), new ReviewRecordCommand(), new ReportCommand(), new ExportCommand(), new StoreCommand(), new TraceCommand(), new CfxCommand(), new CheckModelCommand(), new BenchmarkCommand(),
                new PlantBenchmarkCommand(), new CfxBenchmarkCommand(), new ReportBenchmarkCommand(), new ProfileBenchmarkCommand()));
    }

    public Cli(List<Command> commands) {
        commands.forEach(c -> this.commands.put(c.name(), c));
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
        Command command = commands.get(first);
        if (command == null) {
            err.println("benchwright: unknown command '" + first + "'; 'benchwright --help' lists the commands");
            return Command.UNUSABLE;
        }
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
        for (Command c : commands.values()) {
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
