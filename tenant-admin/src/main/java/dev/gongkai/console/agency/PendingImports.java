package dev.gongkai.console.agency;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;

/**
 * Files read for preview that wait for the user to adopt them. They are kept in Redis, not in the session (which
 * should stay small) nor in one console's memory (the next request may reach another replica), for a bounded time,
 * under a random id bound to the user and the agency they act for: anyone else's id finds nothing.
 */
@Component
public class PendingImports {

    /** A file read for preview; {@code mismatch}: it is another year's or another agency's report. */
    public record Pending(byte[] bytes, boolean mismatch) {}

    private final RedisTemplate<String, byte[]> redis;
    private final String prefix;
    private final Duration ttl;

    PendingImports(
            RedisConnectionFactory connections,
            @Value("${gongkai.console.redis-namespace}") String namespace,
            @Value("${gongkai.console.import-ttl}") Duration ttl) {
        RedisTemplate<String, byte[]> template = new RedisTemplate<>();
        template.setConnectionFactory(connections);
        template.setKeySerializer(RedisSerializer.string());
        template.setValueSerializer(RedisSerializer.byteArray());
        template.afterPropertiesSet();
        this.redis = template;
        this.prefix = namespace + ":import:";
        this.ttl = ttl;
    }

    /** Keeps the file for {@code user} acting for {@code agency}; returns the id the preview page carries. */
    public String keep(String user, String agency, Pending pending) {
        String id = UUID.randomUUID().toString();
        var out = new ByteArrayOutputStream(pending.bytes().length + 64);
        try (var data = new DataOutputStream(out)) {
            data.writeUTF(owner(user, agency));
            data.writeBoolean(pending.mismatch());
            data.write(pending.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        redis.opsForValue().set(prefix + id, out.toByteArray(), ttl);
        return id;
    }

    /** The file kept under {@code id} for this user and agency; empty when expired, adopted, or someone else's. */
    public Optional<Pending> find(String id, String user, String agency) {
        byte[] stored = redis.opsForValue().get(prefix + id);
        if (stored == null) {
            return Optional.empty();
        }
        try (var data = new DataInputStream(new ByteArrayInputStream(stored))) {
            if (!data.readUTF().equals(owner(user, agency))) {
                return Optional.empty();
            }
            boolean mismatch = data.readBoolean();
            return Optional.of(new Pending(data.readAllBytes(), mismatch));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void discard(String id) {
        redis.delete(prefix + id);
    }

    private static String owner(String user, String agency) {
        return user + "\n" + agency;
    }
}
