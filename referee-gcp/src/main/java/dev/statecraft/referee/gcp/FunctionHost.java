package dev.statecraft.referee.gcp;

import com.google.cloud.functions.invoker.HttpFunctionExecutor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * The generated Cloud Run functions ({@code HttpFunction}s), served in this process by the
 * Functions Framework's own {@link HttpFunctionExecutor} (what {@code
 * com.google.cloud.functions.invoker} runs on Cloud Run), on one Jetty server bound to 127.0.0.1,
 * each function at its own path. {@code Invoker.startServer} would listen on every interface and
 * serve one function, hence this host.
 *
 * <p>Every exchange is handed to an {@link Exchange} listener with the request and response bodies.
 */
final class FunctionHost implements AutoCloseable {
  /** Sees each call of a function: its request body, its status and its response body. */
  interface Exchange {
    /** Called after the function answered, before the answer goes back to the caller. */
    void answered(String path, byte[] request, int status, byte[] response);
  }

  private final Server server;
  private volatile int port;
  private final Map<String, HttpFunctionExecutor> functions = new ConcurrentHashMap<>();
  private volatile Exchange listener = (p, q, s, r) -> {};

  private FunctionHost(Server server) {
    this.server = server;
  }

  /** Starts an empty host on a free port of 127.0.0.1. */
  static FunctionHost start() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    server.setHandler(context);
    FunctionHost host = new FunctionHost(server);
    context.addServlet(new ServletHolder(host.new Dispatcher()), "/*");
    server.start();
    host.port = connector.getLocalPort();
    return host;
  }

  /** The URL of the function at {@code path}. */
  String url(String path) {
    return "http://127.0.0.1:" + port + "/" + path;
  }

  /**
   * Serves a fresh instance of {@code function} at {@code path} (a new instance per run, as a new
   * Cloud Run instance would have: the generated function creates its implementation once).
   */
  void serve(String path, Class<?> function) {
    functions.put(path, HttpFunctionExecutor.forClass(function));
  }

  /** Who sees the calls from now on. */
  void listen(Exchange exchange) {
    listener = exchange;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  /** Dispatches by path to the served functions, recording each exchange. */
  private final class Dispatcher extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      FunctionHost host = FunctionHost.this;
      String path = req.getPathInfo() == null ? "" : req.getPathInfo().replaceFirst("^/", "");
      HttpFunctionExecutor function = host.functions.get(path);
      if (function == null) {
        resp.sendError(404, "no function at /" + path);
        return;
      }
      byte[] body = req.getInputStream().readAllBytes();
      Captured response = new Captured(resp);
      function.service(new Replayed(req, body), response);
      response.flushBuffers();
      byte[] answer = response.bytes.toByteArray();
      host.listener.answered(path, body, resp.getStatus(), answer);
      resp.getOutputStream().write(answer);
    }
  }

  /** A request whose body was read already. */
  private static final class Replayed extends HttpServletRequestWrapper {
    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }
  }

  /** A response whose body is kept, to be seen before it is sent. */
  private static final class Captured extends HttpServletResponseWrapper {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private PrintWriter writer;

    Captured(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return new ServletOutputStream() {
        @Override
        public void write(int b) {
          bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          bytes.write(b, off, len);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void flushBuffer() {
      flushBuffers();
    }

    void flushBuffers() {
      if (writer != null) {
        writer.flush();
      }
    }
  }
}
