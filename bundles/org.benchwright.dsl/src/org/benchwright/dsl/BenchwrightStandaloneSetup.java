/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.dsl;


/** Sets the language up outside the workbench: the command line, tests and the language server. */
public class BenchwrightStandaloneSetup extends BenchwrightStandaloneSetupGenerated {

    public static void doSetup() {
        new BenchwrightStandaloneSetup().createInjectorAndDoEMFRegistration();
    }
}
