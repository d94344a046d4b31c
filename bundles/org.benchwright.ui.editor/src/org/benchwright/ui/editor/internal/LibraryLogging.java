/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.editor.internal;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.apache.log4j.spi.ThrowableInformation;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * Xtext logs through log4j, which nothing in the workbench configures. Left so, log4j's root logger stands at DEBUG
 * with no appender: the linker builds a debug message for every cross-reference it resolves, object descriptions
 * printed into it, only for log4j to find nowhere to send it, and Xtext's warnings and errors are lost (log4j says so
 * once on the console). Installed before the language's first use, this sends warnings and errors to the workbench's
 * error log, as Xtext's own Eclipse integration does, and lets the rest go unbuilt. A log4j that someone configured
 * (a test, another product) is left as it is.
 */
final class LibraryLogging {

    private LibraryLogging() {
    }

    static synchronized void install() {
        Logger root = Logger.getRootLogger();
        if (root.getAllAppenders().hasMoreElements()) {
            return;
        }
        root.addAppender(new ErrorLogAppender());
        root.setLevel(Level.WARN);
    }

    /** Writes each event to the error log of this bundle, naming the logger it came from. */
    private static final class ErrorLogAppender extends AppenderSkeleton {

        @Override
        protected void append(LoggingEvent event) {
            int severity = event.getLevel().isGreaterOrEqual(Level.ERROR) ? IStatus.ERROR
                    : event.getLevel().isGreaterOrEqual(Level.WARN) ? IStatus.WARNING : IStatus.INFO;
            ThrowableInformation thrown = event.getThrowableInformation();
            ILog.of(LibraryLogging.class).log(new Status(severity, LibraryLogging.class,
                    event.getLoggerName() + ": " + event.getRenderedMessage(),
                    thrown == null ? null : thrown.getThrowable()));
        }

        @Override
        public void close() {
            // nothing held
        }

        @Override
        public boolean requiresLayout() {
            return false;
        }
    }
}
