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

import java.util.function.Consumer;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/** What a rule sees while it runs: the configured limits, and where its findings go. */
public final class RuleContext {

    private final RuleSettings settings;
    private final Consumer<Finding> sink;
    private Rule<?> current;

    RuleContext(RuleSettings settings, Consumer<Finding> sink) {
        this.settings = settings;
        this.sink = sink;
    }

    public RuleSettings settings() {
        return settings;
    }

    void enter(Rule<?> rule) {
        current = rule;
    }

    /** Reports the running rule's finding on {@code feature} of {@code element}. */
    public void report(EObject element, EStructuralFeature feature, String message) {
        report(element, feature, message, null);
    }

    /** Reports a finding together with the value of {@code feature} that would resolve it. */
    public void report(EObject element, EStructuralFeature feature, String message, String fix) {
        sink.accept(new Finding(current.code(), current.severity(), element, feature, message, fix));
    }
}
