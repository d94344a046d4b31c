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

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.benchwright.cli.Command;
import org.benchwright.driver.api.StationFactory;
import org.osgi.framework.FrameworkUtil;

/** {@code stations}: lists the station types the installed drivers offer, with the bundle of each. */
public final class StationsCommand implements Command {

    @Override
    public String name() {
        return "stations";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String summary() {
        return "list the station types of the installed drivers (for --station <type>:<settings>)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("benchwright stations: takes no arguments");
            return UNUSABLE;
        }
        Map<String, StationFactory> factories = Stations.factories();
        if (factories.isEmpty()) {
            err.println("benchwright stations: no driver is installed (or Declarative Services is not running)");
            return FINDINGS;
        }
        factories.forEach((type, factory) -> {
            var bundle = FrameworkUtil.getBundle(factory.getClass());
            out.printf("%-10s %s%n", type, bundle == null ? factory.getClass().getName()
                    : bundle.getSymbolicName() + " " + bundle.getVersion());
        });
        return OK;
    }
}
