/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cfx;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.benchwright.cfx.amqp.AmqpClient.Login;

/**
 * How one bench speaks IPC-CFX: its handle, the plant's broker, where it publishes and where it takes requests, and
 * the login. Read from a properties file (the CLI's {@code --cfx <file>}, the workbench's preference, or a station
 * configuration file, which may hold these keys beside its own):
 *
 * <pre>
 * cfx.handle      = Plant1.Rework.Bench3              # the bench's CFX handle, unique in the plant
 * cfx.broker      = amqp://mes.plant:5672             # or amqps://host:5671 (TLS, the JVM's trust store)
 * cfx.address     = /exchange/amq.topic/cfx           # where the bench publishes
 * cfx.requests    = /queue/Plant1.Rework.Bench3       # where it answers requests (this is the default)
 * cfx.credentials = /etc/benchwright/cfx.credentials  # user=..., password=... (owner-readable only)
 * cfx.trust       = /etc/benchwright/plant-ca.pem     # amqps: the certificates to trust (default: the JVM's)
 * </pre>
 *
 * Without {@code cfx.credentials} the login comes from {@code BENCHWRIGHT_CFX_USER} and
 * {@code BENCHWRIGHT_CFX_PASSWORD}, and without those it is SASL ANONYMOUS. A file without {@code cfx.broker} leaves
 * CFX off.
 */
public record CfxSettings(String handle, URI broker, String address, String requests, Login login, Path trust) {

    /**
     * The settings of a file.
     *
     * @return {@code null} when the file does not configure CFX (no {@code cfx.broker})
     * @throws IOException naming the file and the key when a value is missing or wrong
     */
    public static CfxSettings load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(file + ": no such CFX configuration file", e);
        }
        return of(file.toString(), p, System.getenv(), file.toAbsolutePath().getParent());
    }

    /**
     * The settings of properties read from {@code where}; relative credential files are resolved against
     * {@code folder}.
     */
    public static CfxSettings of(String where, Properties p, Map<String, String> environment, Path folder)
            throws IOException {
        String broker = trimmed(p.getProperty("cfx.broker"));
        if (broker == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(broker);
        } catch (URISyntaxException e) {
            throw new IOException(where + ": cfx.broker: not an address: " + broker);
        }
        if (!("amqp".equals(uri.getScheme()) || "amqps".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IOException(where + ": cfx.broker: expected amqp://host:port or amqps://host:port, not " + broker);
        }
        if (uri.getUserInfo() != null) {
            throw new IOException(where + ": cfx.broker: no user or password in the address; give them in the file "
                    + "cfx.credentials names, or in BENCHWRIGHT_CFX_USER and BENCHWRIGHT_CFX_PASSWORD");
        }
        String handle = trimmed(p.getProperty("cfx.handle"));
        if (handle == null) {
            throw new IOException(where + ": cfx.handle: the bench's CFX handle is missing (for example "
                    + "Plant1.Rework.Bench3)");
        }
        String address = trimmed(p.getProperty("cfx.address"));
        if (address == null) {
            throw new IOException(where + ": cfx.address: where the bench publishes is missing (for example "
                    + "/exchange/amq.topic/cfx)");
        }
        String requests = trimmed(p.getProperty("cfx.requests"));
        if (requests == null) {
            requests = "/queue/" + handle;
        }
        String trust = trimmed(p.getProperty("cfx.trust"));
        Path trusted = trust == null ? null : folder == null ? Path.of(trust) : folder.resolve(trust);
        if (trusted != null) {
            try {
                tls(trusted);
            } catch (IOException e) {
                throw new IOException(where + ": cfx.trust: " + e.getMessage(), e);
            }
        }
        return new CfxSettings(handle, uri, address, requests, login(where, p, environment, folder), trusted);
    }

    /** The TLS context of an amqps broker: trusting {@link #trust()}'s certificates, or {@code null}: the JVM's. */
    public SSLContext tls() throws IOException {
        return trust == null ? null : tls(trust);
    }

    /**
     * A TLS context that trusts the certificates of a PEM file (a plant's own certificate authority, or a broker's
     * self-signed certificate), and checks the broker's name against them.
     *
     * @throws IOException naming the file when it holds no certificate
     */
    public static SSLContext tls(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("certificate-" + n++, certificate);
            }
            if (n == 0) {
                throw new IOException(pem + ": no certificate in it (PEM expected)");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException(pem + ": " + e.getMessage(), e);
        }
    }

    private static Login login(String where, Properties p, Map<String, String> environment, Path folder)
            throws IOException {
        String file = trimmed(p.getProperty("cfx.credentials"));
        if (file == null) {
            return login(null, environment);
        }
        Path path = folder == null ? Path.of(file) : folder.resolve(file);
        try {
            return login(path, environment);
        } catch (IOException e) {
            throw new IOException(where + ": cfx.credentials: " + e.getMessage(), e);
        }
    }

    /**
     * A broker login from a credentials file ({@code user=}, {@code password=}) or, without one, from
     * {@code BENCHWRIGHT_CFX_USER} and {@code BENCHWRIGHT_CFX_PASSWORD}; {@code null} (ANONYMOUS) when neither
     * names a user. Never from a command line, where every user of the machine could read it.
     */
    public static Login login(Path credentials, Map<String, String> environment) throws IOException {
        if (credentials != null) {
            Properties read = new Properties();
            try (InputStream in = Files.newInputStream(credentials)) {
                read.load(in);
            } catch (IOException e) {
                throw new IOException("cannot read " + credentials + ": " + e.getMessage(), e);
            }
            if (read.getProperty("user") == null) {
                throw new IOException(credentials + ": no 'user' in the credentials file");
            }
            return new Login(read.getProperty("user"), read.getProperty("password", ""));
        }
        String user = environment.get("BENCHWRIGHT_CFX_USER");
        return user == null ? null : new Login(user, environment.getOrDefault("BENCHWRIGHT_CFX_PASSWORD", ""));
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** "Plant1.Rework.Bench3 at amqp://mes:5672, /exchange/amq.topic/cfx". */
    public String describe() {
        return handle + " at " + broker + ", publishing to " + address;
    }
}
