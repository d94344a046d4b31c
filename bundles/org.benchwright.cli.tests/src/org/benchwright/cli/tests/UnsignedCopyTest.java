/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.benchwright.cli.internal.UnsignedCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** The command line starts from copies of the launcher's and framework's jars without their signatures. */
class UnsignedCopyTest {

    @TempDir
    Path dir;

    @Test
    void theCopyOfTheSignedFrameworkJarHoldsEveryClassAndNoSignature() throws IOException, URISyntaxException {
        Path framework = Path.of(Bundle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isRegularFile(framework), "the framework is not a jar here: " + framework);
        List<String> signed = names(framework);
        assertTrue(signed.stream().anyMatch(UnsignedCopy::isSignature),
                "the framework jar is not signed, so this test shows nothing: " + framework);

        Path copy = dir.resolve("framework.jar");
        UnsignedCopy.copy(framework, copy);

        List<String> kept = new ArrayList<>(signed);
        kept.removeIf(UnsignedCopy::isSignature);
        assertEquals(kept, names(copy), "the copy holds every entry but the signature files");
        try (JarFile original = new JarFile(framework.toFile()); JarFile unsigned = new JarFile(copy.toFile(), true)) {
            assertEquals(original.getManifest(), unsigned.getManifest());
            JarEntry entry = unsigned.getJarEntry("org/osgi/framework/Bundle.class");
            try (InputStream in = unsigned.getInputStream(entry);
                    InputStream expected = original.getInputStream(original.getJarEntry(entry.getName()))) {
                assertArrayEquals(expected.readAllBytes(), in.readAllBytes());
            }
            assertNull(entry.getCodeSigners(), "a class of the copy is still checked against a signature");
        }
        assertFalse(Files.exists(dir.resolve("framework.jar.partial")), "the partial copy is left behind");
    }

    @Test
    void onlyTheSignatureFilesAtTheTopOfMetaInfAreLeftOut() {
        for (String name : List.of("META-INF/ECLIPSE_.SF", "META-INF/ECLIPSE_.RSA", "META-INF/KEY.DSA", "META-INF/K.EC",
                "META-INF/sig-1.sf", "META-INF/SIG-X")) {
            assertTrue(UnsignedCopy.isSignature(name), name);
        }
        for (String name : List.of("META-INF/MANIFEST.MF", "META-INF/maven/x/pom.properties", "META-INF/services/a.SF",
                "about.html", "org/x/Y.class", "OSGI-INF/c.RSA")) {
            assertFalse(UnsignedCopy.isSignature(name), name);
        }
    }

    private static List<String> names(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            return Collections.list(file.entries()).stream().map(JarEntry::getName).sorted().toList();
        }
    }
}
