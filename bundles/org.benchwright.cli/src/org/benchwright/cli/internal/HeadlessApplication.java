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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;
import org.benchwright.cli.Cli;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The headless Equinox application behind {@code releng/benchwright}: runs the command line and returns its exit code. */
public final class HeadlessApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        quietLibraryLogging();
        int code = new Cli().run(args == null ? new String[0] : args, System.out, System.err);
        System.out.flush();
        if (Boolean.getBoolean(WARM_UP)) {
            warmUp();
        }
        return Integer.valueOf(code);
    }

    /**
     * Set by {@code releng/benchwright} on the run that writes the class-data archive the next runs start from: after
     * its command, that run also checks a small file in the language, quietly, so that the archive holds the language's
     * classes whatever the command was.
     */
    static final String WARM_UP = "benchwright.warmUp";

    private static final String SAMPLE = "package warmup\n\nalloy Sn63Pb37 \"Tin-lead eutectic\" {\n"
            + "    composition \"Sn63 Pb37\"\n    solidus 183 C\n    liquidus 183 C\n    tip 315 C .. 345 C\n}\n";

    private static void warmUp() {
        try {
            Path dir = Files.createTempDirectory("benchwright-warm-up");
            Path file = Files.writeString(dir.resolve("warm-up.bw"), SAMPLE, StandardCharsets.UTF_8);
            try {
                ValidateCommand.validate(List.of(file));
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException | RuntimeException e) {
            // the archive then holds fewer classes; nothing depends on it
        }
    }

    /** Xtext logs through log4j; a command line says what it has to say itself, so only errors get through. */
    private static void quietLibraryLogging() {
        Logger root = Logger.getRootLogger();
        if (!root.getAllAppenders().hasMoreElements()) {
            root.addAppender(new ConsoleAppender(new PatternLayout("benchwright: %p %c: %m%n"), ConsoleAppender.SYSTEM_ERR));
        }
        root.setLevel(Level.ERROR);
    }

    @Override
    public void stop() {
        // a command runs to its end; there is nothing to interrupt
    }
}
