package dev.gongkai.publishing.portal;

import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.publishing.PublishingProperties;
import dev.gongkai.publishing.portal.PublishedDocuments.Answer;
import dev.gongkai.publishing.portal.PublishedDocuments.Answer.Header;
import dev.gongkai.publishing.portal.PublishedDocuments.Request;
import dev.gongkai.publishing.portal.PublishedDocuments.Target;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.util.NetMaskSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;

/**
 * The published documents on a port of their own ({@code gongkai.publishing.documents}), served by Netty the way
 * nginx serves files: a document this process holds is answered on the event-loop thread that read the request,
 * with no hand-off to another thread and back; anything else (a first request, open data with its rate limit in
 * Redis, a problem) is answered from a virtual thread, while the connection reads no further request, so answers
 * leave in the order of the requests. The answers are {@link PublishedDocuments}', the same as on the service's own
 * port (Tomcat, whose hand-offs between its poller and worker threads cost as much as the rest of the request: see
 * {@code infra/load/README.md}). Every request is observed as {@code http.server.requests} under its route.
 */
final class DocumentServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DocumentServer.class);
    /** Headers we write ourselves, from {@link PublishedDocuments}, need no validation on the way out. */
    private static final HttpHeadersFactory OUR_HEADERS =
            DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private static final Set<HttpMethod> KNOWN_METHODS = Set.of(
            HttpMethod.GET,
            HttpMethod.HEAD,
            HttpMethod.POST,
            HttpMethod.PUT,
            HttpMethod.PATCH,
            HttpMethod.DELETE,
            HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    private final PublishedDocuments documents;
    private final ObservationRegistry observations;
    private final PublishingProperties.Documents settings;
    private final String forwardedFor;
    private final NetMaskSet internalProxies;
    private final NetMaskSet trustedProxies;
    private final HttpDate date = new HttpDate();
    private ExecutorService blocking;
    private EventLoopGroup loops;
    private Channel listener;

    DocumentServer(
            PublishedDocuments documents,
            ObservationRegistry observations,
            PublishingProperties.Documents settings,
            TomcatServerProperties.Remoteip remoteIp) {
        this.documents = documents;
        this.observations = observations;
        this.settings = settings;
        this.forwardedFor = remoteIp.getRemoteIpHeader() == null ? "X-Forwarded-For" : remoteIp.getRemoteIpHeader();
        this.internalProxies = NetMaskSet.parse(remoteIp.getInternalProxies());
        this.trustedProxies =
                NetMaskSet.parse(remoteIp.getTrustedProxies() == null ? "" : remoteIp.getTrustedProxies());
    }

    @Override
    public void start() {
        boolean epoll = Epoll.isAvailable();
        int threads = settings.ioThreads() > 0
                ? settings.ioThreads()
                : Runtime.getRuntime().availableProcessors();
        blocking = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("documents-", 0).factory());
        loops = new MultiThreadIoEventLoopGroup(
                threads,
                new DefaultThreadFactory("documents-loop"),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        listener = new ServerBootstrap()
                .group(loops)
                .channel(channel)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel connection) {
                        connection
                                .pipeline()
                                .addLast(
                                        new HttpServerCodec(),
                                        new IdleStateHandler(
                                                0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS),
                                        new Connection());
                    }
                })
                .bind(settings.port())
                .syncUninterruptibly()
                .channel();
        log.info(
                "Published documents served on port {} ({} event loops on {})",
                port(),
                threads,
                epoll ? "epoll" : "NIO");
    }

    @Override
    public void stop() {
        listener.close().syncUninterruptibly();
        blocking.close(); // waits for answers being prepared; they still reach their connections' event loops
        loops.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        listener = null;
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    /** The port it listens on (the one chosen when configured as 0). */
    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** One per connection, so its state (an answer being prepared, requests waiting for it) needs no locking. */
    private final class Connection extends ChannelInboundHandlerAdapter {

        private final ArrayDeque<HttpRequest> waiting = new ArrayDeque<>();
        private boolean busy;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            try {
                if (message instanceof HttpRequest request) {
                    if (busy) {
                        waiting.add(request);
                    } else {
                        handle(context, request);
                    }
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext context) {
            context.flush();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
            if (event instanceof IdleStateEvent) {
                context.close();
            } else {
                super.userEventTriggered(context, event);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            log.debug("Document connection {} failed: {}", context.channel().remoteAddress(), cause.toString());
            context.close();
        }

        private void handle(ChannelHandlerContext context, HttpRequest request) {
            String path = path(request.uri());
            if (!request.decoderResult().isSuccess() || !wellFormed(path)) {
                respond(
                        context,
                        request,
                        observe(request, "UNKNOWN"),
                        documents.problem(ProblemCode.REQUEST_UNREADABLE, "/"),
                        false);
                return;
            }
            Optional<Target> target = PublishedDocuments.target(path);
            if (target.isEmpty()) {
                respond(
                        context,
                        request,
                        observe(request, "NOT_FOUND"),
                        documents.problem(ProblemCode.DOCUMENT_NOT_FOUND, path),
                        true);
                return;
            }
            Observation observation = observe(request, target.get().route());
            if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
                Answer refused = documents
                        .problem(ProblemCode.DOCUMENT_READ_ONLY, path)
                        .with(HttpHeaderNames.ALLOW.toString(), "GET, HEAD");
                respond(context, request, observation, refused, true);
                return;
            }
            Request asked = new Request(
                    target.get(),
                    request.headers().get(HttpHeaderNames.IF_NONE_MATCH),
                    request.headers().get(HttpHeaderNames.ACCEPT_ENCODING),
                    client(context, request),
                    Lang.choose(
                            Lang.parameter(query(request.uri())),
                            request.headers().get(HttpHeaderNames.COOKIE)));
            Optional<Answer> ready;
            try {
                ready = documents.answerInProcess(asked);
            } catch (RuntimeException e) {
                ready = Optional.empty(); // the full answer below logs it and says so in a problem
            }
            if (ready.isPresent()) {
                respond(context, request, observation, ready.get(), true);
                return;
            }
            busy = true;
            context.channel().config().setAutoRead(false);
            blocking.execute(() -> {
                Answer answer = observation.scoped(() -> answer(asked)); // logs carry its trace
                context.executor().execute(() -> {
                    respond(context, request, observation, answer, true);
                    context.flush();
                    busy = false;
                    context.channel().config().setAutoRead(true);
                    HttpRequest next;
                    while (!busy && (next = waiting.poll()) != null) {
                        handle(context, next);
                    }
                    context.flush();
                });
            });
        }

        /** Whatever goes wrong, the connection gets an answer (and the observation its end). */
        private Answer answer(Request asked) {
            try {
                return documents.answer(asked);
            } catch (RuntimeException e) {
                log.error("Answering {} failed", asked.target().path(), e);
                return documents.problem(ProblemCode.INTERNAL_ERROR, "/");
            }
        }

        private void respond(
                ChannelHandlerContext context,
                HttpRequest request,
                Observation observation,
                Answer answer,
                boolean mayKeepAlive) {
            boolean head = request.method().equals(HttpMethod.HEAD);
            FullHttpResponse response = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(answer.status()),
                    answer.body() == null || head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(answer.body()),
                    OUR_HEADERS,
                    OUR_HEADERS);
            for (Header header : answer.headers()) {
                response.headers().add(header.name(), header.value());
            }
            response.headers().set(HttpHeaderNames.DATE, date.now());
            boolean keepAlive = mayKeepAlive && HttpUtil.isKeepAlive(request);
            if (!keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
            var written = context.write(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
            HttpStatus.Series series = HttpStatus.Series.resolve(answer.status());
            observation
                    .lowCardinalityKeyValue("status", Integer.toString(answer.status()))
                    .lowCardinalityKeyValue("outcome", series == null ? "UNKNOWN" : outcome(series))
                    .stop();
        }

        private Observation observe(HttpRequest request, String route) {
            String method =
                    KNOWN_METHODS.contains(request.method()) ? request.method().name() : "UNKNOWN";
            return Observation.createNotStarted("http.server.requests", () -> incoming(request), observations)
                    .contextualName("http " + method.toLowerCase())
                    .lowCardinalityKeyValue("method", method)
                    .lowCardinalityKeyValue("uri", route)
                    .lowCardinalityKeyValue("status", "UNKNOWN")
                    .lowCardinalityKeyValue("outcome", "UNKNOWN")
                    .lowCardinalityKeyValue("exception", "none")
                    .highCardinalityKeyValue("http.url", request.uri())
                    .start();
        }
    }

    /** A server-side context whose trace continues the caller's ({@code traceparent}, read from the request). */
    private static ReceiverContext<HttpRequest> incoming(HttpRequest request) {
        ReceiverContext<HttpRequest> context =
                new ReceiverContext<>((carrier, key) -> carrier.headers().get(key), Kind.SERVER);
        context.setCarrier(request);
        return context;
    }

    private static String outcome(HttpStatus.Series series) {
        return switch (series) {
            case INFORMATIONAL -> "INFORMATIONAL";
            case SUCCESSFUL -> "SUCCESS";
            case REDIRECTION -> "REDIRECTION";
            case CLIENT_ERROR -> "CLIENT_ERROR";
            case SERVER_ERROR -> "SERVER_ERROR";
        };
    }

    /**
     * A path that is a valid URI path: characters such as {@code |} or {@code "} and broken escapes such as
     * {@code %zz} are refused with 400 at once (a problem's {@code instance} could not even name them).
     */
    private static boolean wellFormed(String path) {
        try {
            URI.create(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The path of a request target, without its query. */
    private static String path(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** The query of a request target (a page's only parameter is its language), or null. */
    private static String query(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? null : uri.substring(query + 1);
    }

    /**
     * The client's address as Tomcat's {@code RemoteIpValve} finds it on the service's port, with the same settings
     * ({@code server.tomcat.remoteip.*}): the connection's peer, or, when that peer is one of our proxies, the last
     * address of the forwarded-for header that is not.
     */
    private String client(ChannelHandlerContext context, HttpRequest request) {
        String peer = ((InetSocketAddress) context.channel().remoteAddress())
                .getAddress()
                .getHostAddress();
        String forwarded = request.headers().get(forwardedFor);
        if (forwarded == null || !proxy(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !proxy(hop)) {
                return hop;
            }
        }
        String first = hops.length == 0 ? "" : hops[0].strip(); // all proxies: the farthest, as Tomcat takes it
        return first.isEmpty() ? peer : first;
    }

    private boolean proxy(String address) {
        try {
            InetAddress literal = InetAddress.ofLiteral(address); // never a name lookup on an event loop
            return internalProxies.contains(literal) || trustedProxies.contains(literal);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The {@code Date} header, formatted once a second rather than once a request. */
    private static final class HttpDate {

        private record Formatted(long second, String text) {}

        private volatile Formatted last = new Formatted(-1, "");

        String now() {
            long second = Instant.now().getEpochSecond();
            Formatted formatted = last;
            if (formatted.second() != second) {
                formatted = new Formatted(
                        second,
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC)));
                last = formatted;
            }
            return formatted.text();
        }
    }
}
