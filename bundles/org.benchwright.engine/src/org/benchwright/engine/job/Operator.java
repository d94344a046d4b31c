/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.job;

import java.io.IOException;

/**
 * The person at the bench, as the engine talks to them: a terminal, a workbench view, or an answers file for
 * automation. Implemented by the front ends; called by {@link JobRunner} from the job's thread.
 */
public interface Operator {

    /** Asks for the active step's answer; blocks until there is one. */
    Reply ask(Prompt prompt) throws IOException;

    /** Tells the operator why their last answer was not taken (a blank lot, a text where a number goes). */
    void refused(Prompt prompt, String reason);
}
