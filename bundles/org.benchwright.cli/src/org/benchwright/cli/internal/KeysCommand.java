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
import java.util.List;

import org.benchwright.cli.Command;
import org.benchwright.engine.journal.BenchKey;

/**
 * {@code keys}: the bench's public key, which signs every record it writes (made at first use, in
 * {@code ~/.benchwright/keys}, its private half readable by its owner only), and the line that registers it.
 */
public final class KeysCommand implements Command {

    @Override
    public String name() {
        return "keys";
    }

    @Override
    public String usage() {
        return "[--bench <its name in the station register>]";
    }

    @Override
    public String summary() {
        return "the bench's public key, which signs its records, as the station register lists it";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new java.util.ArrayList<>(arguments);
        String bench = Arguments.take(args, "--bench", "<bench>");
        if (!args.isEmpty()) {
            err.println("usage: benchwright keys " + usage());
            return UNUSABLE;
        }
        try {
            BenchKey key = BenchKey.loadOrCreate(BenchKey.defaultFolder());
            out.println("key " + key.fingerprint() + " in " + BenchKey.defaultFolder());
            out.println("add it to the station register (a rotated key stays listed after the new one):");
            out.println(bench + ".public-keys = " + key.publicKeyText());
            return OK;
        } catch (IOException e) {
            err.println("benchwright keys: " + e.getMessage());
            return UNUSABLE;
        }
    }
}
