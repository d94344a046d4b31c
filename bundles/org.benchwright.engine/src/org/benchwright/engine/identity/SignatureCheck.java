/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.identity;

import java.io.IOException;

/** Checks electronic signatures against the signers' keys, as the plant's accounts hold them. */
@FunctionalInterface
public interface SignatureCheck {

    /** What is wrong with {@code signature}; {@code null} when its signer's key made it of these very parts. */
    String check(ESignature signature) throws IOException;
}
