package dev.lamina.server.loadtest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A minimal HTTP/1.1 client with a pool of keep-alive connections, for the load generator: it runs
 * on the same two cores as the server under test, so every cycle it spends is taken from the
 * server (java.net.http's client costs several times more per request). Loopback only: the
 * constructor refuses any other address. Thread-safe; each request holds one connection.
 */
final class HttpConnections implements AutoCloseable {
    private final InetSocketAddress address;
    private final String host;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final int timeoutMillis;

    HttpConnections(URI base, int timeoutMillis) throws IOException {
        InetAddress a = InetAddress.getByName(base.getHost());
        if (!a.isLoopbackAddress()) {
            throw new IllegalArgumentException("the load test only targets loopback addresses, not " + base.getHost());
        }
        this.address = new InetSocketAddress(a, base.getPort() < 0 ? 80 : base.getPort());
        this.host = base.getHost() + ":" + address.getPort();
        this.timeoutMillis = timeoutMillis;
    }

    /** The status of one request, its body read and dropped. */
    int send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder h = new StringBuilder(256).append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\nHost: ")
                .append(host).append("\r\nContent-Length: ").append(body.length).append("\r\n");
        headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        byte[] head = h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        Connection c = idle.poll();
        boolean reused = c != null;
        if (c == null) {
            c = new Connection();
        }
        try {
            int status = c.exchange(head, body);
            if (c.keepAlive) {
                idle.add(c);
            } else {
                c.close();
            }
            return status;
        } catch (IOException e) {
            c.close();
            if (reused && !c.answered) {
                return send(method, pathAndQuery, headers, body);   // the server closed an idle connection
            }
            throw e;
        }
    }

    @Override
    public void close() {
        Connection c;
        while ((c = idle.poll()) != null) {
            c.close();
        }
    }

    private final class Connection {
        final Socket socket = new Socket();
        final InputStream in;
        final OutputStream out;
        boolean keepAlive;
        boolean answered;

        Connection() throws IOException {
            socket.setTcpNoDelay(true);
            socket.connect(address, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        int exchange(byte[] head, byte[] body) throws IOException {
            answered = false;
            out.write(head);
            if (body.length > 0) {
                out.write(body);
            }
            out.flush();
            String status = line();
            answered = true;
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new IOException("not an HTTP/1.1 response: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            keepAlive = true;
            String l;
            while (!(l = line()).isEmpty()) {
                int colon = l.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = l.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            if (chunked) {
                long size;
                while ((size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else if (code != 204 && code != 304) {
                in.transferTo(OutputStream.nullOutputStream());
                keepAlive = false;
            }
            return code;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long s = in.skip(n);
                if (s <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("the response ended early");
                    }
                    s = 1;
                }
                n -= s;
            }
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(64);
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    b.write(c);
                }
            }
            if (c < 0 && b.size() == 0) {
                throw new IOException("the connection closed");
            }
            return b.toString(StandardCharsets.ISO_8859_1);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
