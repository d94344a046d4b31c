/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.store;

/**
 * What the store did with an entry a bench sent.
 *
 * @param stored whether it is new to the store; {@code false} when the store held it already (a resend)
 */
public record Receipt(String job, long seq, boolean stored) {
}
