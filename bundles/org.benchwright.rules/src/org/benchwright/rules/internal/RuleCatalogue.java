/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.rules.internal;

import java.util.ArrayList;
import java.util.List;

import org.benchwright.rules.Rule;

/** Every rule Benchwright checks: profiles, procedures, then work instructions. */
public final class RuleCatalogue {

    private RuleCatalogue() {
    }

    public static List<Rule<?>> all() {
        List<Rule<?>> rules = new ArrayList<>(ProfileRules.all());
        rules.addAll(HeatStepRules.all());
        rules.addAll(MaterialRules.all());
        rules.addAll(AuthorizationRules.all());
        rules.addAll(ProcedureRules.all());
        rules.addAll(DerivationRules.all());
        return List.copyOf(rules);
    }
}
