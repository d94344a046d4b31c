/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.ui.internal;

import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.core.spi.IAgentServiceFactory;

/**
 * Gives p2's provisioning agents {@link SignedContentOnly} as their {@link UIServices}, ranked above p2's own dialogs,
 * so that the workbench's Install New Software refuses a signer the product does not trust instead of asking
 * (declared in OSGI-INF/signedContentOnly.xml).
 */
public final class SignedContentOnlyFactory implements IAgentServiceFactory {

    @Override
    public Object createService(IProvisioningAgent agent) {
        return new SignedContentOnly(agent);
    }
}
