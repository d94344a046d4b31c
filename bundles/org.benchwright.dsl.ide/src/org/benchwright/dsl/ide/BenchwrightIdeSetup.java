/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl.ide;

import org.benchwright.dsl.BenchwrightRuntimeModule;
import org.benchwright.dsl.BenchwrightStandaloneSetup;
import org.eclipse.xtext.util.Modules2;

import com.google.inject.Guice;
import com.google.inject.Injector;

/** Sets the language up with its editor services, for the language server and the workbench editor. */
public class BenchwrightIdeSetup extends BenchwrightStandaloneSetup {

    @Override
    public Injector createInjector() {
        return Guice.createInjector(Modules2.mixin(new BenchwrightRuntimeModule(), new BenchwrightIdeModule()));
    }

}
