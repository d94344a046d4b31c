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

import java.time.Instant;

/** A unit's open job: which job, at which bench, since when. */
public record UnitLock(String unit, String job, String bench, Instant since) {
}
