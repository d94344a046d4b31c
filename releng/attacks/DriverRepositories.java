/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Date;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;

/**
 * Makes the driver repositories an attacker would offer a bench, from a genuine signed p2 repository: run as a single
 * source file with Bouncy Castle's OpenPGP jars, which the product carries
 * ({@code java -cp "<product>/plugins/bcpg_*.jar:<product>/plugins/bcprov_*.jar" DriverRepositories.java
 * <signed repository> <bundle id> <output folder>}). Writes three copies of the repository, each with the bundle
 * changed and its checksums and sizes made to match, so that only its OpenPGP signature can tell:
 * <ul>
 * <li>{@code unsigned}: the bundle's signature removed;</li>
 * <li>{@code altered}: a class added to the bundle, its signature left as it was;</li>
 * <li>{@code foreign}: the bundle altered and signed again, with a key of the attacker's own.</li>
 * </ul>
 */
public final class DriverRepositories {

    private static final Pattern PROPERTY = Pattern.compile("\\s*<property name='([^']+)' value='[^']*'/>\\n");

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: DriverRepositories <signed p2 repository> <bundle id> <output folder>");
            System.exit(2);
        }
        Path repository = Path.of(args[0]);
        String bundle = args[1];
        Path out = Path.of(args[2]);
        String artifacts = artifactsXml(repository);
        write(repository, out.resolve("unsigned"), bundle, artifacts, false, false);
        write(repository, out.resolve("altered"), bundle, artifacts, true, false);
        String mallory = write(repository, out.resolve("foreign"), bundle, artifacts, true, true);
        System.out.println("attack repositories in " + out + ": unsigned, altered, foreign (signed by the key "
                + mallory + ")");
    }

    /** Writes one altered copy; returns the fingerprint of the key that signed it again, if one did. */
    private static String write(Path from, Path to, String bundle, String artifacts, boolean alter, boolean resign)
            throws Exception {
        copy(from, to);
        Pattern block = Pattern.compile("(<artifact classifier='osgi.bundle' id='" + Pattern.quote(bundle)
                + "' version='([^']+)'>)(.*?)(</artifact>)", Pattern.DOTALL);
        Matcher m = block.matcher(artifacts);
        if (!m.find()) {
            throw new IllegalArgumentException("no bundle " + bundle + " in " + from);
        }
        Path jar = to.resolve("plugins").resolve(bundle + "_" + m.group(2) + ".jar");
        String body = m.group(3);
        if (alter) {
            Files.write(jar, withBackdoor(Files.readAllBytes(jar)));
            byte[] bytes = Files.readAllBytes(jar);
            body = set(body, "artifact.size", Long.toString(bytes.length));
            body = set(body, "download.size", Long.toString(bytes.length));
            body = set(body, "download.checksum.sha-256", digest("SHA-256", bytes));
            body = set(body, "download.checksum.sha-1", digest("SHA-1", bytes));
            body = set(body, "download.checksum.sha-512", digest("SHA-512", bytes));
            body = set(body, "download.md5", digest("MD5", bytes));
        }
        if (!alter || resign) {
            body = remove(body, "pgp.signatures");
            body = remove(body, "pgp.publicKeys");
        }
        String[] signed = null;
        if (resign) {
            signed = signAsMallory(Files.readAllBytes(jar));
            body = body.replace("</properties>", "  <property name='pgp.signatures' value='" + xml(signed[0])
                    + "'/>\n        <property name='pgp.publicKeys' value='" + xml(signed[1]) + "'/>\n      </properties>");
        }
        String changed = artifacts.substring(0, m.start(3)) + body + artifacts.substring(m.end(3));
        Files.deleteIfExists(to.resolve("artifacts.jar"));
        Files.deleteIfExists(to.resolve("artifacts.xml.xz"));
        Files.writeString(to.resolve("artifacts.xml"), changed);
        Files.writeString(to.resolve("p2.index"), "version=1\nartifact.repository.factory.order=artifacts.xml,\\!\n"
                + "metadata.repository.factory.order=content.xml.xz,content.xml,\\!\n");
        return signed == null ? null : signed[2];
    }

    /** The bundle with one more class: what a tampered driver would carry. */
    private static byte[] withBackdoor(byte[] jar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("org/benchwright/driver/template/internal/Backdoor.class"));
            out.write("not what the vendor signed".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** A detached signature of {@code content}, the public key that made it (both armored), and its fingerprint. */
    private static String[] signAsMallory(byte[] content) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PGPKeyPair pair = new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, generator.generateKeyPair(), new Date());
        JcaPGPContentSignerBuilder signer = new JcaPGPContentSignerBuilder(PGPPublicKey.RSA_GENERAL,
                HashAlgorithmTags.SHA256);
        PGPKeyRingGenerator ring = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair,
                "Mallory <mallory@attacker.invalid>",
                new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1), null, null, signer,
                null);
        PGPSignatureGenerator signature = new PGPSignatureGenerator(signer, pair.getPublicKey());
        signature.init(PGPSignature.BINARY_DOCUMENT, pair.getPrivateKey());
        signature.update(content);
        ByteArrayOutputStream sig = new ByteArrayOutputStream();
        try (OutputStream armored = new ArmoredOutputStream(sig)) {
            signature.generate().encode(armored);
        }
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        try (OutputStream armored = new ArmoredOutputStream(key)) {
            ring.generatePublicKeyRing().encode(armored);
        }
        return new String[] { sig.toString(StandardCharsets.US_ASCII), key.toString(StandardCharsets.US_ASCII),
                HexFormat.of().formatHex(pair.getPublicKey().getFingerprint()).toUpperCase(java.util.Locale.ROOT) };
    }

    private static String artifactsXml(Path repository) throws IOException {
        Path jar = repository.resolve("artifacts.jar");
        if (!Files.exists(jar)) {
            return Files.readString(repository.resolve("artifacts.xml"));
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("artifacts.xml")) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IOException("no artifacts.xml in " + jar);
    }

    private static String set(String body, String name, String value) {
        return body.replaceAll("(<property name='" + Pattern.quote(name) + "' value=')[^']*'",
                "$1" + Matcher.quoteReplacement(value) + "'");
    }

    private static String remove(String body, String name) {
        Matcher m = PROPERTY.matcher(body);
        StringBuilder kept = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(kept, m.group(1).equals(name) ? "" : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(kept);
        return kept.toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("'", "&apos;").replace("<", "&lt;").replace("\r", "")
                .replace("\n", "&#xA;");
    }

    private static String digest(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    try (InputStream in = Files.newInputStream(f)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
    }
}
