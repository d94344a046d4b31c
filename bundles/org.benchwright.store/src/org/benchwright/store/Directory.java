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

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Properties;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;

/**
 * A plant's directory (LDAP), which checks the passwords of the accounts kept as directory accounts: a simple bind
 * as the person's entry ({@code <user-attribute>=<id>,<base>}), over {@code ldap://} or {@code ldaps://} (the JVM's
 * trusted certificates). Read from a properties file:
 * <pre>
 * url = ldaps://directory.plant.example:636
 * base = ou=people,dc=plant,dc=example
 * user-attribute = uid
 * </pre>
 */
public record Directory(URI url, DN base, String userAttribute) {

    /** How long a bind may take before the directory counts as unreachable, milliseconds. */
    static final int TIMEOUT_MS = 5_000;

    /**
     * @throws IOException naming the file and the key when a setting is missing or malformed
     */
    public static Directory read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String url = p.getProperty("url", "").strip();
        if (!url.startsWith("ldap://") && !url.startsWith("ldaps://")) {
            throw new IOException(file + ": url takes ldap://host[:port] or ldaps://host[:port], not '" + url + "'");
        }
        try {
            return new Directory(URI.create(url), new DN(p.getProperty("base", "").strip()),
                    p.getProperty("user-attribute", "uid").strip());
        } catch (LDAPException | IllegalArgumentException e) {
            throw new IOException(file + ": base is not a distinguished name: " + e.getMessage(), e);
        }
    }

    /** The entry a person's id names: {@code uid=<id>,<base>}, the id escaped as a DN value. */
    public DN entry(String id) {
        return new DN(new RDN(userAttribute, id), base);
    }

    /**
     * Whether the directory takes {@code password} for the person {@code id}. An empty password is refused here,
     * never sent: LDAP would take it as an anonymous bind.
     *
     * @throws IOException when the directory cannot be reached or answers something else than yes or no
     */
    public boolean accepts(String id, char[] password) throws IOException {
        if (password == null || password.length == 0) {
            return false;
        }
        boolean secure = url.getScheme().equals("ldaps");
        int port = url.getPort() > 0 ? url.getPort() : secure ? 636 : 389;
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(TIMEOUT_MS);
        options.setResponseTimeoutMillis(TIMEOUT_MS);
        try (LDAPConnection connection = secure
                ? new LDAPConnection(new SSLUtil(JVMDefaultTrustManager.getInstance()).createSSLSocketFactory(),
                        options, url.getHost(), port)
                : new LDAPConnection(options, url.getHost(), port)) {
            connection.bind(entry(id).toString(), new String(password));
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS || e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return false;
            }
            throw new IOException("the directory " + url + " cannot check the password: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IOException("the directory " + url + ": no TLS: " + e.getMessage(), e);
        }
    }
}
