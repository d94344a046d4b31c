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

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.List;

import org.benchwright.cli.Command;
import org.benchwright.dsl.ide.server.BenchwrightLanguageServer;

/** {@code lsp}: the procedure language's server over stdin and stdout, for any editor with an LSP client. */
public final class LspCommand implements Command {

    @Override
    public String name() {
        return "lsp";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String summary() {
        return "run the language server of *.bw files over stdio (Language Server Protocol)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        // the protocol owns the real stdout; anything else printed goes to stderr
        FileOutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(err);
        try {
            BenchwrightLanguageServer.serve(new FileInputStream(FileDescriptor.in), protocolOut);
            return OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        }
    }
}
