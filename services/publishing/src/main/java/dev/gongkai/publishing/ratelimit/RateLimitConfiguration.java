package dev.gongkai.publishing.ratelimit;

import dev.gongkai.publishing.PublishingProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    OpenDataRateLimit openDataRateLimit(StringRedisTemplate redis, PublishingProperties properties, JsonMapper json) {
        return new OpenDataRateLimit(
                new RateLimiter(
                        redis,
                        properties.rateLimit().requests(),
                        properties.rateLimit().window(),
                        Clock.systemUTC()),
                json);
    }

    @Bean
    WebMvcConfigurer openDataRateLimitOnRoutes(OpenDataRateLimit rateLimit) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(rateLimit).addPathPatterns("/public/**");
            }
        };
    }
}
