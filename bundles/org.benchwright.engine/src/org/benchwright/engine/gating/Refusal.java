/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.gating;

/**
 * Why a job may not start.
 *
 * @param code   stable, for records and tools: CERTIFICATION, MODULE, SKILL, CONFORMANCE, APPROVAL, RULES, MSL, REWORK_COUNT
 * @param reason what the technician and their lead read
 */
public record Refusal(String code, String reason) {

    @Override
    public String toString() {
        return "[" + code + "] " + reason;
    }
}
