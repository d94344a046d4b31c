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

import java.io.File;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.eclipse.equinox.internal.p2.ui.ValidationDialogServiceUI;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.repository.artifact.spi.IArtifactUIServices;
import org.eclipse.equinox.p2.repository.metadata.spi.IInstallableUnitUIServices;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;

/**
 * What p2 asks the person at the workbench, except whether to trust a signer: Help > Install New Software... installs
 * only what a key the product already trusts signed (p2 refuses unsigned content by the product's policy, and content
 * that does not match its signature always). Content signed by another key or certificate is refused here, with the
 * signer named, instead of asking a technician to trust it: trusting a vendor's key is an admin's act, done with
 * {@code benchwright install-driver --trust-key} and recorded. Sign-in and repository questions go to p2's own dialogs.
 */
final class SignedContentOnly extends UIServices implements IArtifactUIServices, IInstallableUnitUIServices {

    private final ValidationDialogServiceUI dialogs;

    SignedContentOnly(IProvisioningAgent agent) {
        this.dialogs = new ValidationDialogServiceUI(agent);
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location) {
        return dialogs.getUsernamePassword(location);
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location, AuthenticationInfo previousInfo) {
        return dialogs.getUsernamePassword(location, previousInfo);
    }

    @Override
    public void showInformationMessage(String title, String text, String linkText) {
        dialogs.showInformationMessage(title, text, linkText);
    }

    @Override
    public TrustAuthorityInfo getTrustAuthorityInfo(Map<URI, Set<IInstallableUnit>> siteIUs,
            Map<URI, List<Certificate>> siteCertificates) {
        return dialogs.getTrustAuthorityInfo(siteIUs, siteCertificates);
    }

    @Override
    @Deprecated
    public TrustInfo getTrustInfo(Certificate[][] untrustedChains, String[] unsignedDetail) {
        return getTrustInfo(untrustedChains, List.of(), unsignedDetail);
    }

    @Override
    public TrustInfo getTrustInfo(Certificate[][] untrustedChains, Collection<PGPPublicKey> untrustedPGPKeys,
            String[] unsignedDetail) {
        return refuse(untrustedChains == null ? List.of() : Stream.of(untrustedChains).map(c -> c[0]).toList(),
                untrustedPGPKeys == null ? List.of() : untrustedPGPKeys,
                unsignedDetail == null ? List.of() : List.of(unsignedDetail));
    }

    @Override
    public TrustInfo getTrustInfo(Map<List<Certificate>, Set<IArtifactKey>> untrustedCertificateChains,
            Map<PGPPublicKey, Set<IArtifactKey>> untrustedPGPKeys, Set<IArtifactKey> unsignedArtifacts,
            Map<IArtifactKey, File> artifactFiles) {
        return refuse(
                untrustedCertificateChains == null ? List.of()
                        : untrustedCertificateChains.keySet().stream().map(c -> c.get(0)).toList(),
                untrustedPGPKeys == null ? List.of() : untrustedPGPKeys.keySet(),
                unsignedArtifacts == null ? List.of() : unsignedArtifacts.stream().map(Object::toString).toList());
    }

    /** Trusts nothing new, and tells the person why the installation stops. */
    private TrustInfo refuse(Collection<Certificate> certificates, Collection<PGPPublicKey> keys,
            Collection<String> unsigned) {
        if (!certificates.isEmpty() || !keys.isEmpty() || !unsigned.isEmpty()) {
            String message = explain(certificates, keys, unsigned);
            Display display = Display.getDefault();
            display.syncExec(() -> MessageDialog.openError(display.getActiveShell(), "Not installed: untrusted signer",
                    message));
        }
        return new TrustInfo(List.of(), List.of(), false, false);
    }

    static String explain(Collection<Certificate> certificates, Collection<PGPPublicKey> keys,
            Collection<String> unsigned) {
        StringBuilder text = new StringBuilder("This bench installs only what a key it trusts signed.\n");
        for (PGPPublicKey key : keys) {
            String users = toList(key.getUserIDs());
            text.append("\nSigned by the OpenPGP key ")
                    .append(HexFormat.of().formatHex(key.getFingerprint()).toUpperCase(Locale.ROOT))
                    .append(users.isEmpty() ? "" : " (" + users + ")").append(", which this bench does not trust.");
        }
        for (Certificate certificate : certificates) {
            text.append("\nSigned with the certificate of ").append(certificate instanceof X509Certificate x509
                    ? x509.getSubjectX500Principal().getName() : certificate.getType())
                    .append(", which this bench does not trust.");
        }
        if (!unsigned.isEmpty()) {
            text.append("\nUnsigned: ").append(String.join(", ", unsigned)).append('.');
        }
        return text.append("\n\nNothing was installed. An admin who has checked the signer with its vendor may install ")
                .append("it from a shell: benchwright install-driver <p2 repository> <feature> --trust-key <fingerprint> ")
                .append("(or --allow-unsigned); that is recorded in the admin's account events.").toString();
    }

    private static String toList(java.util.Iterator<String> ids) {
        Iterable<String> all = () -> ids;
        return java.util.stream.StreamSupport.stream(all.spliterator(), false).collect(Collectors.joining(", "));
    }
}
