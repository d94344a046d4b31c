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
        return Integer.valueOf(code);
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
