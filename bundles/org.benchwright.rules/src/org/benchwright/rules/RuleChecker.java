/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.rules;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.benchwright.model.Step;
import org.benchwright.model.WorkInstruction;
import org.benchwright.rules.internal.RuleCatalogue;
import org.eclipse.emf.ecore.EObject;

/** Runs every rule of the catalogue over a tree of model elements and collects what they find. */
public final class RuleChecker {

    private final RuleSettings settings;
    private final List<Rule<?>> rules;

    public RuleChecker() {
        this(RuleSettings.defaults());
    }

    public RuleChecker(RuleSettings settings) {
        this.settings = settings;
        this.rules = RuleCatalogue.all();
    }

    /** All rules, in the order they run. */
    public List<Rule<?>> rules() {
        return rules;
    }

    /** Checks {@code root} and everything it contains. */
    public List<Finding> check(EObject root) {
        List<Finding> findings = new ArrayList<>();
        checkOne(root, findings);
        for (Iterator<EObject> it = root.eAllContents(); it.hasNext();) {
            checkOne(it.next(), findings);
        }
        return findings;
    }

    /** Checks {@code element} alone, not what it contains: for validators that visit every element themselves. */
    public List<Finding> checkOnly(EObject element) {
        List<Finding> findings = new ArrayList<>();
        checkOne(element, findings);
        return findings;
    }

    /** Whether {@code element} is (part of) a step that a work instruction adds. */
    private static boolean writtenInInstruction(EObject element) {
        boolean inStep = false;
        for (EObject o = element; o != null; o = o.eContainer()) {
            inStep |= o instanceof Step;
            if (o instanceof WorkInstruction) {
                return inStep;
            }
        }
        return false;
    }

    private void checkOne(EObject element, List<Finding> findings) {
        if (writtenInInstruction(element)) {
            return; // checked where it stands: in the effective procedure, through the instruction's rules
        }
        RuleContext context = new RuleContext(settings, findings::add);
        for (Rule<?> rule : rules) {
            rule.apply(element, context);
        }
    }
}
