// Per-format fixtures: every port the detector finds, with its exact 0-based
// line and column (UTF-16) and its role; `true` marks a port inside a comment.
// Each comment after a row repeats the line the port is on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanText } from '../../src/core/detector/index';

type Row = [line: number, column: number, port: number, role: string, comment?: true];

function lineStarts(text: string): number[] {
  const starts = [0];
  const re = /\r\n|\n|\r/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) starts.push(m.index + m[0].length);
  return starts;
}

function rows(text: string, fileName: string): Row[] {
  const starts = lineStarts(text);
  return scanText({ text, fileName }).occurrences.map((o) => {
    // Offset, line and column must all describe the same digits.
    assert.equal(o.offset, (starts[o.line] ?? -1) + o.column, `offset of ${o.port} agrees with line/column`);
    assert.equal(text.slice(o.offset, o.offset + o.length), String(o.port));
    const row: Row = [o.line, o.column, o.port, o.role];
    if (o.comment) row.push(true);
    return row;
  });
}

test('finds host and container ports in a compose mapping, with host IPs, ranges, variables and /udp', () => {
  const text = `services:
  web:
    image: nginx:1.25
    ports:
      - "8080:80"
      - "127.0.0.1:8443:443/tcp"
      - "[::1]:9000:9001"
      - "\${WEB_PORT:-3000}:3000"
      - 53:53/udp
      - "6000-6001:7000-7001"
      - "5000"
`;
  assert.equal(scanText({ text, fileName: 'docker-compose.yml' }).format, 'compose');
  assert.deepEqual(rows(text, 'docker-compose.yml'), [
    [4, 9, 8080, 'published'], // - "8080:80"
    [4, 14, 80, 'container'], // - "8080:80"
    [5, 19, 8443, 'published'], // - "127.0.0.1:8443:443/tcp"
    [5, 24, 443, 'container'], // - "127.0.0.1:8443:443/tcp"
    [6, 15, 9000, 'published'], // - "[::1]:9000:9001"
    [6, 20, 9001, 'container'], // - "[::1]:9000:9001"
    [7, 21, 3000, 'published'], // - "${WEB_PORT:-3000}:3000"
    [7, 27, 3000, 'container'], // - "${WEB_PORT:-3000}:3000"
    [8, 8, 53, 'published'], // - 53:53/udp
    [8, 11, 53, 'container'], // - 53:53/udp
    [9, 9, 6000, 'published'], // - "6000-6001:7000-7001"
    [9, 14, 6001, 'published'], // - "6000-6001:7000-7001"
    [9, 19, 7000, 'container'], // - "6000-6001:7000-7001"
    [9, 24, 7001, 'container'], // - "6000-6001:7000-7001"
    [10, 9, 5000, 'container'], // - "5000"
  ]);
});

test('reads compose long syntax, expose, command flags and environment', () => {
  const text = `services:
  api:
    ports:
      - target: 80
        published: "8081"
        protocol: udp
    expose:
      - "9229"
      - 3002-3003
    command: ["node", "server.js", "--port", "3000"]
    environment:
      - PORT=4000
      DB_PORT: 5432
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:4000/health"]
      retries: 3
`;
  assert.equal(scanText({ text, fileName: 'compose.yaml' }).format, 'compose');
  assert.deepEqual(rows(text, 'compose.yaml'), [
    [3, 16, 80, 'container'], // - target: 80
    [4, 20, 8081, 'published'], // published: "8081"
    [7, 9, 9229, 'exposed'], // - "9229"
    [8, 8, 3002, 'exposed'], // - 3002-3003
    [8, 13, 3003, 'exposed'], // - 3002-3003
    [9, 46, 3000, 'listen'], // command: ["node", "server.js", "--port", "3000"]
    [11, 13, 4000, 'listen'], // - PORT=4000
    [12, 15, 5432, 'connect'], // DB_PORT: 5432
    [14, 52, 4000, 'connect'], // test: ["CMD", "curl", "-f", "http://localhost:4000/health"]
  ]);
});

test('reads Compose file format v1, where services are top-level keys', () => {
  const text = `simple:
  image: busybox:1.31.0-uclibc
  ports:
    - '49153-49154:3002-3003'
  expose:
    - '3001/udp'
`;
  assert.equal(scanText({ text, fileName: 'docker-compose.yml' }).format, 'compose');
  assert.deepEqual(rows(text, 'docker-compose.yml'), [
    [3, 7, 49153, 'published'], // - '49153-49154:3002-3003'
    [3, 13, 49154, 'published'], // - '49153-49154:3002-3003'
    [3, 19, 3002, 'container'], // - '49153-49154:3002-3003'
    [3, 24, 3003, 'container'], // - '49153-49154:3002-3003'
    [5, 7, 3001, 'exposed'], // - '3001/udp'
  ]);
});

test('finds Kubernetes Service, container, probe, env and Ingress ports', () => {
  const text = `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    prometheus.io/port: "9102"
spec:
  ports:
    - port: 80
      targetPort: http-server
      nodePort: 30080
    - port: 443
      targetPort: 8443
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: web
          image: registry.example.com:5000/web:1.2.3
          args: ["--port=8080"]
          ports:
            - containerPort: 8080
              hostPort: 80
          env:
            - name: REDIS_PORT
              value: "6379"
            - name: REPLICAS
              value: "3"
          livenessProbe:
            httpGet:
              port: 8080
            initialDelaySeconds: 10
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - http:
        paths:
          - backend:
              service:
                port:
                  number: 80
`;
  assert.equal(scanText({ text, fileName: 'k8s/app.yaml' }).format, 'kubernetes');
  assert.deepEqual(rows(text, 'k8s/app.yaml'), [
    [5, 25, 9102, 'listen'], // prometheus.io/port: "9102"
    [8, 12, 80, 'listen'], // - port: 80
    [10, 16, 30080, 'published'], // nodePort: 30080
    [11, 12, 443, 'listen'], // - port: 443
    [12, 18, 8443, 'container'], // targetPort: 8443
    [24, 38, 5000, 'connect'], // image: registry.example.com:5000/web:1.2.3 (the registry's port; the tag is none)
    [25, 25, 8080, 'listen'], // args: ["--port=8080"]
    [27, 29, 8080, 'container'], // - containerPort: 8080
    [28, 24, 80, 'published'], // hostPort: 80
    [31, 22, 6379, 'connect'], // value: "6379"
    [36, 20, 8080, 'container'], // port: 8080
    [50, 26, 80, 'connect'], // number: 80
  ]);
});

test('finds Helm values ports and URLs', () => {
  const text = `replicaCount: 1
service:
  type: ClusterIP
  port: 80
  targetPort: 9187
securityContext:
  runAsUser: 65534
config:
  redisAddress: redis://myredis:6379
  # port: 3307
`;
  assert.equal(scanText({ text, fileName: 'charts/app/values.yaml' }).format, 'yaml');
  assert.deepEqual(rows(text, 'charts/app/values.yaml'), [
    [3, 8, 80, 'listen'], // port: 80
    [4, 14, 9187, 'container'], // targetPort: 9187
    [8, 32, 6379, 'connect'], // redisAddress: redis://myredis:6379
    [9, 10, 3307, 'unknown', true], // # port: 3307
  ]);
});

test('finds Dockerfile EXPOSE, ARG/ENV port defaults and command flags, not image tags', () => {
  const text = `FROM node:20-alpine AS build
ARG PORT=3000
ENV NODE_ENV=production APP_PORT=8080
ENV LEGACY_PORT 9090
EXPOSE 3000 8080/tcp $PORT 7000-7001
HEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1
CMD ["node", "server.js", "--port", "3000"]
USER 1000:1000
`;
  assert.equal(scanText({ text, fileName: 'Dockerfile' }).format, 'dockerfile');
  assert.deepEqual(rows(text, 'Dockerfile'), [
    [1, 9, 3000, 'listen'], // ARG PORT=3000
    [2, 33, 8080, 'listen'], // ENV NODE_ENV=production APP_PORT=8080
    [3, 16, 9090, 'listen'], // ENV LEGACY_PORT 9090
    [4, 7, 3000, 'exposed'], // EXPOSE 3000 8080/tcp $PORT 7000-7001
    [4, 12, 8080, 'exposed'], // EXPOSE 3000 8080/tcp $PORT 7000-7001
    [4, 27, 7000, 'exposed'], // EXPOSE 3000 8080/tcp $PORT 7000-7001
    [4, 32, 7001, 'exposed'], // EXPOSE 3000 8080/tcp $PORT 7000-7001
    [5, 41, 3000, 'connect'], // HEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1
    [6, 37, 3000, 'listen'], // CMD ["node", "server.js", "--port", "3000"]
  ]);
});

test('finds nginx listen directives, upstream servers and proxy URLs', () => {
  const text = `upstream backend {
    server 10.0.0.2:8080 weight=5;
}
server {
    listen 80 default_server;
    listen [::]:80;
    listen 127.0.0.1:8443 ssl;
    # listen 8000;
    proxy_cache_path /tmp/cache levels=1:2 keys_zone=cache:10m;
    location / {
        proxy_pass http://127.0.0.1:3000;
        return 301 https://$host:8443$request_uri;
    }
    error_page 500 502 503 504 /50x.html;
    keepalive_timeout 65;
}
`;
  assert.equal(scanText({ text, fileName: 'nginx.conf' }).format, 'nginx');
  assert.deepEqual(rows(text, 'nginx.conf'), [
    [1, 20, 8080, 'connect'], // server 10.0.0.2:8080 weight=5;
    [4, 11, 80, 'listen'], // listen 80 default_server;
    [5, 16, 80, 'listen'], // listen [::]:80;
    [6, 21, 8443, 'listen'], // listen 127.0.0.1:8443 ssl;
    [7, 13, 8000, 'listen', true], // # listen 8000;
    [10, 36, 3000, 'connect'], // proxy_pass http://127.0.0.1:3000;
    [11, 33, 8443, 'connect'], // return 301 https://$host:8443$request_uri;
  ]);
});

test('finds Apache Listen and VirtualHost ports', () => {
  const text = `Listen 80
Listen 0.0.0.0:8080 http
<VirtualHost *:443>
    ServerName www.example.com:443
    ProxyPass /app http://localhost:9000/
    Timeout 300
</VirtualHost>
`;
  assert.equal(scanText({ text, fileName: 'httpd.conf' }).format, 'apache');
  assert.deepEqual(rows(text, 'httpd.conf'), [
    [0, 7, 80, 'listen'], // Listen 80
    [1, 15, 8080, 'listen'], // Listen 0.0.0.0:8080 http
    [2, 15, 443, 'listen'], // <VirtualHost *:443>
    [3, 31, 443, 'connect'], // ServerName www.example.com:443
    [4, 36, 9000, 'connect'], // ProxyPass /app http://localhost:9000/
  ]);
});

test('finds haproxy bind, server and check ports, not weights or status codes', () => {
  const text = `global
    maxconn 4096
frontend http-in
    bind *:80
    bind 0.0.0.0:8000-8010
backend servers
    http-check expect status 200-399
    server s1 192.168.1.10:8080 check port 8081 weight 80
    server s2 [fd00:6:48::4]:80 check
`;
  assert.equal(scanText({ text, fileName: 'haproxy.cfg' }).format, 'haproxy');
  assert.deepEqual(rows(text, 'haproxy.cfg'), [
    [3, 11, 80, 'listen'], // bind *:80
    [4, 17, 8000, 'listen'], // bind 0.0.0.0:8000-8010
    [4, 22, 8010, 'listen'], // bind 0.0.0.0:8000-8010
    [7, 27, 8080, 'connect'], // server s1 192.168.1.10:8080 check port 8081 weight 80
    [7, 43, 8081, 'connect'], // server s1 192.168.1.10:8080 check port 8081 weight 80
    [8, 29, 80, 'connect'], // server s2 [fd00:6:48::4]:80 check
  ]);
});

test('finds Caddyfile site addresses, global ports and proxies', () => {
  const text = `{
    http_port 8080
}
:80 {
    reverse_proxy localhost:3000
}
`;
  assert.equal(scanText({ text, fileName: 'Caddyfile' }).format, 'caddy');
  assert.deepEqual(rows(text, 'Caddyfile'), [
    [1, 14, 8080, 'listen'], // http_port 8080
    [3, 1, 80, 'listen'], // :80 {
    [4, 28, 3000, 'connect'], // reverse_proxy localhost:3000
  ]);
});

test('finds Envoy port_value in listeners and clusters', () => {
  const text = `static_resources:
  listeners:
  - name: l0
    address:
      socket_address: { address: 0.0.0.0, port_value: 10000 }
  clusters:
  - name: service
    connect_timeout: 0.25s
    load_assignment:
      endpoints:
      - lb_endpoints:
        - endpoint:
            address:
              socket_address:
                address: backend
                port_value: 8080
`;
  assert.equal(scanText({ text, fileName: 'envoy.yaml' }).format, 'envoy');
  assert.deepEqual(rows(text, 'envoy.yaml'), [
    [4, 54, 10000, 'listen'], // socket_address: { address: 0.0.0.0, port_value: 10000 }
    [15, 28, 8080, 'connect'], // port_value: 8080
  ]);
});

test('finds Traefik entry point addresses in TOML', () => {
  const text = `[entryPoints.web]
  address = ":80"
[entryPoints.udp]
  address = ":8093/udp"
[[udp.services.a.loadBalancer.servers]]
  address = "{{ .WhoamiIP }}:8080"
`;
  assert.equal(scanText({ text, fileName: 'traefik.toml' }).format, 'traefik');
  assert.deepEqual(rows(text, 'traefik.toml'), [
    [1, 14, 80, 'listen'], // address = ":80"
    [3, 14, 8093, 'listen'], // address = ":8093/udp"
    [5, 29, 8080, 'connect'], // address = "{{ .WhoamiIP }}:8080"
  ]);
});

test('finds .env port keys, keys ending in digits and URLs, not counts', () => {
  const text = `PORT=3000
DB_PORT=5432 # postgres
REDIS_URL=redis://cache:6379/0
MAX_CONNECTIONS=100
export API_PORT="8081"
PORT1=5643
`;
  assert.equal(scanText({ text, fileName: '.env' }).format, 'dotenv');
  assert.deepEqual(rows(text, '.env'), [
    [0, 5, 3000, 'listen'], // PORT=3000
    [1, 8, 5432, 'connect'], // DB_PORT=5432 # postgres
    [2, 24, 6379, 'connect'], // REDIS_URL=redis://cache:6379/0
    [4, 17, 8081, 'listen'], // export API_PORT="8081"
    [5, 6, 5643, 'listen'], // PORT1=5643
  ]);
});

test('finds Spring properties and application.yml ports', () => {
  const text = `server.port=8080
management.server.port: 8081
spring.datasource.url=jdbc:mysql://\${MYSQL_HOST:db}:3306/example
server.tomcat.threads.max=200
`;
  assert.equal(scanText({ text, fileName: 'application.properties' }).format, 'properties');
  assert.deepEqual(rows(text, 'application.properties'), [
    [0, 12, 8080, 'listen'], // server.port=8080
    [1, 24, 8081, 'listen'], // management.server.port: 8081
    [2, 52, 3306, 'connect'], // spring.datasource.url=jdbc:mysql://${MYSQL_HOST:db}:3306/exa
  ]);
});

test('finds sshd_config Port and ListenAddress, not MaxStartups', () => {
  const text = `Port 2222
#Port 22
ListenAddress 0.0.0.0:2200
MaxStartups 10:30:100
ClientAliveInterval 300
`;
  assert.equal(scanText({ text, fileName: 'sshd_config' }).format, 'directive');
  assert.deepEqual(rows(text, 'sshd_config'), [
    [0, 5, 2222, 'listen'], // Port 2222
    [1, 6, 22, 'listen', true], // #Port 22
    [2, 22, 2200, 'listen'], // ListenAddress 0.0.0.0:2200
  ]);
});

test('finds redis.conf port, replicaof and sentinel endpoints given as separate words', () => {
  const text = `bind 127.0.0.1 ::1
port 6379
timeout 0
save 900 1
replicaof 10.0.0.5 6380
sentinel monitor mymaster 127.0.0.1 26379 2
sentinel down-after-milliseconds mymaster 30000
`;
  assert.equal(scanText({ text, fileName: 'redis.conf' }).format, 'directive');
  assert.deepEqual(rows(text, 'redis.conf'), [
    [1, 5, 6379, 'listen'], // port 6379
    [4, 19, 6380, 'connect'], // replicaof 10.0.0.5 6380
    [5, 36, 26379, 'connect'], // sentinel monitor mymaster 127.0.0.1 26379 2
  ]);
});

test('finds postgresql.conf and my.cnf ports', () => {
  const text = `listen_addresses = '*'
port = 5432				# (change requires restart)
max_connections = 100
`;
  assert.equal(scanText({ text, fileName: 'postgresql.conf' }).format, 'directive');
  assert.deepEqual(rows(text, 'postgresql.conf'), [
    [1, 7, 5432, 'listen'], // port = 5432				# (change requires restart)
  ]);
});

test('finds squid http_port, acl port lists and cache_peer ports', () => {
  const text = `acl Safe_ports port 80 21 443
acl Safe_ports port 1025-65535	# unregistered ports
http_port 3128
cache_peer parent.example.com parent 3128 3130 default
cache_mem 256 MB
`;
  assert.equal(scanText({ text, fileName: 'squid.conf' }).format, 'directive');
  assert.deepEqual(rows(text, 'squid.conf'), [
    [0, 20, 80, 'firewall'], // acl Safe_ports port 80 21 443
    [0, 23, 21, 'firewall'], // acl Safe_ports port 80 21 443
    [0, 26, 443, 'firewall'], // acl Safe_ports port 80 21 443
    [1, 20, 1025, 'firewall'], // acl Safe_ports port 1025-65535	# unregistered ports
    [1, 25, 65535, 'firewall'], // acl Safe_ports port 1025-65535	# unregistered ports
    [2, 10, 3128, 'listen'], // http_port 3128
    [3, 37, 3128, 'connect'], // cache_peer parent.example.com parent 3128 3130 default
    [3, 42, 3130, 'connect'], // cache_peer parent.example.com parent 3128 3130 default
  ]);
});

test('finds torrc ports, including HiddenServicePort targets', () => {
  const text = `SOCKSPort 9050
ControlPort 127.0.0.1:9051
HiddenServicePort 80 127.0.0.1:8080
RelayBandwidthRate 100 KBytes
`;
  assert.equal(scanText({ text, fileName: 'torrc' }).format, 'directive');
  assert.deepEqual(rows(text, 'torrc'), [
    [0, 10, 9050, 'listen'], // SOCKSPort 9050
    [1, 22, 9051, 'listen'], // ControlPort 127.0.0.1:9051
    [2, 18, 80, 'listen'], // HiddenServicePort 80 127.0.0.1:8080
    [2, 31, 8080, 'listen'], // HiddenServicePort 80 127.0.0.1:8080
  ]);
});

test('finds vsftpd ports, not digits inside a key', () => {
  const text = `listen_port=21
connect_from_port_20=YES
pasv_min_port=30000
max_clients=200
`;
  assert.equal(scanText({ text, fileName: 'vsftpd.conf' }).format, 'directive');
  assert.deepEqual(rows(text, 'vsftpd.conf'), [
    [0, 12, 21, 'listen'], // listen_port=21
    [2, 14, 30000, 'listen'], // pasv_min_port=30000
  ]);
});

test('finds memcached.conf -p and -U flags, not memory size', () => {
  const text = `-m 64
-p 11211
-U 0
-c 1024
`;
  assert.equal(scanText({ text, fileName: 'memcached.conf' }).format, 'directive');
  assert.deepEqual(rows(text, 'memcached.conf'), [
    [1, 3, 11211, 'listen'], // -p 11211
    [2, 3, 0, 'listen'], // -U 0
  ]);
});

test('finds OpenVPN and keepalived address-then-port words', () => {
  const text = `virtual_server 10.10.10.2 1358 {
    delay_loop 6
    real_server 192.168.200.2 1358 {
        weight 1
        TCP_CHECK {
            connect_port 80
            connect_timeout 3
        }
    }
}
`;
  assert.equal(scanText({ text, fileName: 'keepalived.conf' }).format, 'directive');
  assert.deepEqual(rows(text, 'keepalived.conf'), [
    [0, 26, 1358, 'connect'], // virtual_server 10.10.10.2 1358 {
    [2, 30, 1358, 'connect'], // real_server 192.168.200.2 1358 {
    [5, 25, 80, 'connect'], // connect_port 80
  ]);
});

test('finds systemd ListenStream and ExecStart flags', () => {
  const text = `[Socket]
ListenStream=8080
ListenStream=[::]:443
ListenDatagram=0.0.0.0:514
ListenStream=/run/app.sock
`;
  assert.equal(scanText({ text, fileName: 'app.socket' }).format, 'systemd');
  assert.deepEqual(rows(text, 'app.socket'), [
    [1, 13, 8080, 'listen'], // ListenStream=8080
    [2, 18, 443, 'listen'], // ListenStream=[::]:443
    [3, 23, 514, 'listen'], // ListenDatagram=0.0.0.0:514
  ]);
});

test('finds systemd service ExecStart and Environment ports', () => {
  const text = `[Service]
Environment=PORT=3000
ExecStart=/usr/bin/app --port=8081 -p 9000 -H tcp://127.0.0.1:4243
RestartSec=5
LimitNOFILE=65536
`;
  assert.equal(scanText({ text, fileName: 'app.service' }).format, 'systemd');
  assert.deepEqual(rows(text, 'app.service'), [
    [1, 17, 3000, 'listen'], // Environment=PORT=3000
    [2, 30, 8081, 'listen'], // ExecStart=/usr/bin/app --port=8081 -p 9000 -H tcp://127.0.0.
    [2, 38, 9000, 'listen'], // ExecStart=/usr/bin/app --port=8081 -p 9000 -H tcp://127.0.0.
    [2, 62, 4243, 'connect'], // ExecStart=/usr/bin/app --port=8081 -p 9000 -H tcp://127.0.0.
  ]);
});

test('finds Terraform from_port/to_port, rule tuples and port variables, not -1 sentinels', () => {
  const text = `resource "aws_security_group_rule" "ssh" {
  from_port   = 22
  to_port     = 22
  protocol    = "tcp"
}
resource "aws_security_group" "all" {
  egress {
    from_port = -1
    to_port   = -1
  }
}
variable "http_port" {
  default = 8080
}
variable "instance_count" {
  default = 3
}
locals {
  rules = {
    web-8080-tcp = [8080, 8080, "tcp", "Web"]
    all-all      = [-1, -1, "-1", "All protocols"]
    all-tcp      = [0, 65535, "tcp", "All TCP ports"]
    icmp         = [8, 0, "icmp", "Echo"]
  }
}
`;
  assert.equal(scanText({ text, fileName: 'main.tf' }).format, 'terraform');
  assert.deepEqual(rows(text, 'main.tf'), [
    [1, 16, 22, 'firewall'], // from_port   = 22
    [2, 16, 22, 'firewall'], // to_port     = 22
    [12, 12, 8080, 'listen'], // default = 8080
    [19, 20, 8080, 'firewall'], // web-8080-tcp = [8080, 8080, "tcp", "Web"]
    [19, 26, 8080, 'firewall'], // web-8080-tcp = [8080, 8080, "tcp", "Web"]
    [21, 20, 0, 'firewall'], // all-tcp      = [0, 65535, "tcp", "All TCP ports"]
    [21, 23, 65535, 'firewall'], // all-tcp      = [0, 65535, "tcp", "All TCP ports"]
  ]);
});

test('finds firewalld port elements and attributes', () => {
  const text = `<?xml version="1.0" encoding="utf-8"?>
<service>
  <short>MyApp</short>
  <port protocol="tcp" port="8080"/>
  <port protocol="udp" port="5000-5010"/>
  <!-- <port protocol="tcp" port="9090"/> -->
  <forward-port port="80" protocol="tcp" to-port="8080"/>
</service>
`;
  assert.equal(scanText({ text, fileName: 'myapp.xml' }).format, 'firewalld');
  assert.deepEqual(rows(text, 'myapp.xml'), [
    [3, 29, 8080, 'firewall'], // <port protocol="tcp" port="8080"/>
    [4, 29, 5000, 'firewall'], // <port protocol="udp" port="5000-5010"/>
    [4, 34, 5010, 'firewall'], // <port protocol="udp" port="5000-5010"/>
    [5, 34, 9090, 'firewall', true], // <!-- <port protocol="tcp" port="9090"/> -->
    [6, 22, 80, 'firewall'], // <forward-port port="80" protocol="tcp" to-port="8080"/>
    [6, 50, 8080, 'firewall'], // <forward-port port="80" protocol="tcp" to-port="8080"/>
  ]);
});

test('finds ufw application profile ports and ranges', () => {
  const text = `[MyApp]
title=My App
description=Web server
ports=80,443/tcp|60000:61000/udp
`;
  assert.equal(scanText({ text, fileName: '/etc/ufw/applications.d/myapp' }).format, 'ufw');
  assert.deepEqual(rows(text, '/etc/ufw/applications.d/myapp'), [
    [3, 6, 80, 'firewall'], // ports=80,443/tcp|60000:61000/udp
    [3, 9, 443, 'firewall'], // ports=80,443/tcp|60000:61000/udp
    [3, 17, 60000, 'firewall'], // ports=80,443/tcp|60000:61000/udp
    [3, 23, 61000, 'firewall'], // ports=80,443/tcp|60000:61000/udp
  ]);
});

test('finds fail2ban jail ports among service names', () => {
  const text = `[DEFAULT]
bantime = 600
maxretry = 5
[sshd]
port = ssh,2222
`;
  assert.equal(scanText({ text, fileName: 'jail.local' }).format, 'ini');
  assert.deepEqual(rows(text, 'jail.local'), [
    [4, 11, 2222, 'firewall'], // port = ssh,2222
  ]);
});

test('finds nftables dport/sport values, sets and redirect targets', () => {
  const text = `table inet filter {
  set allowed {
    type inet_service
    elements = { 22, 80 }
  }
  chain input {
    tcp dport { 22, 8000-8100 } accept
    udp sport != 53 counter packets 0 bytes 0 accept
    tcp dport 80 redirect to :8080
  }
}
`;
  assert.equal(scanText({ text, fileName: 'nftables.conf' }).format, 'nftables');
  assert.deepEqual(rows(text, 'nftables.conf'), [
    [3, 17, 22, 'firewall'], // elements = { 22, 80 }
    [3, 21, 80, 'firewall'], // elements = { 22, 80 }
    [6, 16, 22, 'firewall'], // tcp dport { 22, 8000-8100 } accept
    [6, 20, 8000, 'firewall'], // tcp dport { 22, 8000-8100 } accept
    [6, 25, 8100, 'firewall'], // tcp dport { 22, 8000-8100 } accept
    [7, 17, 53, 'firewall'], // udp sport != 53 counter packets 0 bytes 0 accept
    [8, 14, 80, 'firewall'], // tcp dport 80 redirect to :8080
    [8, 30, 8080, 'firewall'], // tcp dport 80 redirect to :8080
  ]);
});

test('finds iptables --dport/--sport/--dports and DNAT targets, not counters or protocol numbers', () => {
  const text = `*filter
:INPUT DROP [0:0]
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A INPUT -p tcp -m multiport --dports 80,8000:8010 -j ACCEPT
-A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.5:80
-A INPUT -p 6 -m limit --limit 5/min -j LOG
COMMIT
`;
  assert.equal(scanText({ text, fileName: 'rules.v4' }).format, 'iptables');
  assert.deepEqual(rows(text, 'rules.v4'), [
    [2, 31, 22, 'firewall'], // -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
    [3, 38, 80, 'firewall'], // -A INPUT -p tcp -m multiport --dports 80,8000:8010 -j ACCEPT
    [3, 41, 8000, 'firewall'], // -A INPUT -p tcp -m multiport --dports 80,8000:8010 -j ACCEPT
    [3, 46, 8010, 'firewall'], // -A INPUT -p tcp -m multiport --dports 80,8000:8010 -j ACCEPT
    [4, 29, 8080, 'firewall'], // -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 1
    [4, 68, 80, 'connect'], // -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 1
  ]);
});

test('finds devcontainer.json forwardPorts, appPort mappings, portsAttributes keys and runArgs', () => {
  const text = `{
  "image": "mcr.microsoft.com/devcontainers/typescript-node:1-20",
  "features": { "ghcr.io/devcontainers/features/java:1": {} },
  "forwardPorts": [3000, "db:5432"],
  "appPort": ["8921:5000"],
  "portsAttributes": { "3000": { "label": "App" } },
  "runArgs": ["-p", "8080:80", "--cpus", "2"],
  // "forwardPorts": [5000],
  "hostRequirements": { "cpus": 4 }
}
`;
  assert.equal(scanText({ text, fileName: '.devcontainer/devcontainer.json' }).format, 'json');
  assert.deepEqual(rows(text, '.devcontainer/devcontainer.json'), [
    [3, 19, 3000, 'published'], // "forwardPorts": [3000, "db:5432"],
    [3, 29, 5432, 'published'], // "forwardPorts": [3000, "db:5432"],
    [4, 15, 8921, 'published'], // "appPort": ["8921:5000"],
    [4, 20, 5000, 'container'], // "appPort": ["8921:5000"],
    [5, 24, 3000, 'unknown'], // "portsAttributes": { "3000": { "label": "App" } },
    [6, 21, 8080, 'published'], // "runArgs": ["-p", "8080:80", "--cpus", "2"],
    [6, 26, 80, 'container'], // "runArgs": ["-p", "8080:80", "--cpus", "2"],
    [7, 22, 5000, 'published', true], // // "forwardPorts": [5000],
  ]);
});

test('finds launch.json and package.json script ports', () => {
  const text = `{
  "version": "1.2.3",
  "scripts": {
    "dev": "next dev -p 3001",
    "start": "vite --port 5173 --host 0.0.0.0",
    "test": "jest --maxWorkers 2"
  },
  "config": { "port": "8081" }
}
`;
  assert.equal(scanText({ text, fileName: 'package.json' }).format, 'json');
  assert.deepEqual(rows(text, 'package.json'), [
    [3, 24, 3001, 'listen'], // "dev": "next dev -p 3001",
    [4, 26, 5173, 'listen'], // "start": "vite --port 5173 --host 0.0.0.0",
    [7, 23, 8081, 'unknown'], // "config": { "port": "8081" }
  ]);
});

test('finds Vagrant forwarded ports with guest/host roles', () => {
  const text = `Vagrant.configure("2") do |config|
  config.vm.network "forwarded_port", guest: 80, host: 8080
  config.vm.network :forwarded_port, guest: 53, host: 5353, protocol: "udp"
  config.ssh.port = 2222
  vb.memory = 12288
end
`;
  assert.equal(scanText({ text, fileName: 'Vagrantfile' }).format, 'vagrant');
  assert.deepEqual(rows(text, 'Vagrantfile'), [
    [1, 45, 80, 'container'], // config.vm.network "forwarded_port", guest: 80, host: 8080
    [1, 55, 8080, 'published'], // config.vm.network "forwarded_port", guest: 80, host: 8080
    [2, 44, 53, 'container'], // config.vm.network :forwarded_port, guest: 53, host: 5353, pr
    [2, 54, 5353, 'published'], // config.vm.network :forwarded_port, guest: 53, host: 5353, pr
    [3, 20, 2222, 'listen'], // config.ssh.port = 2222
  ]);
});

test('finds Procfile command flags', () => {
  const text = `web: gunicorn app:app --bind 0.0.0.0:8000 --workers 3
worker: node worker.js --port 9000
`;
  assert.equal(scanText({ text, fileName: 'Procfile' }).format, 'procfile');
  assert.deepEqual(rows(text, 'Procfile'), [
    [0, 37, 8000, 'listen'], // web: gunicorn app:app --bind 0.0.0.0:8000 --workers 3
    [1, 30, 9000, 'listen'], // worker: node worker.js --port 9000
  ]);
});

test('finds URLs and host:port in plain text, not versions, times, ratios, file:line or image tags', () => {
  const text = `Connect to localhost:8080 or http://example.com:8443/path.
Version 1.2.3 at 10:30, ratio 1:1, see file.py:120, image postgres:15, key rsa:2048.
SQL Server at localhost,1433 and dnsmasq 172.20.0.2#5054; IPv6 [::1]:443 and fe80::1:2.
`;
  assert.equal(scanText({ text, fileName: 'notes.txt' }).format, 'text');
  assert.deepEqual(rows(text, 'notes.txt'), [
    [0, 21, 8080, 'connect'], // Connect to localhost:8080 or http://example.com:8443/path.
    [0, 48, 8443, 'connect'], // Connect to localhost:8080 or http://example.com:8443/path.
    [2, 24, 1433, 'connect'], // SQL Server at localhost,1433 and dnsmasq 172.20.0.2#5054; IP
    [2, 52, 5054, 'connect'], // SQL Server at localhost,1433 and dnsmasq 172.20.0.2#5054; IP
    [2, 69, 443, 'connect'], // SQL Server at localhost,1433 and dnsmasq 172.20.0.2#5054; IP
  ]);
});



test('finds YAML port/proto scalars under any key, firewall when beside or under a firewall module', () => {
  const text = `- name: open kubeadm ports
  firewalld:
    port: "{{ item }}"
    state: enabled
  with_items:
    - 6443/tcp
    - 2379-2380/tcp
- name: web range
  ansible.posix.firewalld:
    port: 8080-8090/tcp
- name: ssh
  community.general.ufw:
    rule: allow
    port: '22'
- name: old style
  ufw: rule=allow port=2222 proto=tcp
- name: not a firewall
  debug:
    msg: "{{ item }}"
  loop: ["53/udp", '123/udp']
app:
  version: 10/tcp-ish
  build: 2024
`;
  assert.equal(scanText({ text, fileName: 'roles/k8s/tasks/main.yml' }).format, 'yaml');
  assert.deepEqual(rows(text, 'roles/k8s/tasks/main.yml'), [
    [5, 6, 6443, 'firewall'], // - 6443/tcp
    [6, 6, 2379, 'firewall'], // - 2379-2380/tcp
    [6, 11, 2380, 'firewall'], // - 2379-2380/tcp
    [9, 10, 8080, 'firewall'], // port: 8080-8090/tcp
    [9, 15, 8090, 'firewall'], // port: 8080-8090/tcp
    [13, 11, 22, 'firewall'], // port: '22'
    [15, 23, 2222, 'firewall'], // ufw: rule=allow port=2222 proto=tcp
    [19, 10, 53, 'unknown'], // loop: ["53/udp", '123/udp']
    [19, 20, 123, 'unknown'], // loop: ["53/udp", '123/udp']
  ]);
});

test('finds YAML listen/bind values that mirror a server directive, not bare addresses or other listen_* keys', () => {
  const text = `nginx_vhosts:
  - listen: "80"
    server_name: example.com
  - listen: "443 ssl http2"
redis_bind: "127.0.0.1:6379"
bind: 0.0.0.0
listen_backlog: 511
`;
  assert.deepEqual(rows(text, 'roles/nginx/defaults/main.yml'), [
    [1, 13, 80, 'listen'], // - listen: "80"
    [3, 13, 443, 'listen'], // - listen: "443 ssl http2"
    [4, 23, 6379, 'listen'], // redis_bind: "127.0.0.1:6379"
  ]);
});

test('finds nftables ports in concatenations, verdict maps and NAT maps, across lines', () => {
  const text = `table inet filter {
  set svc {
    type ipv4_addr . inet_service
    elements = { 10.0.0.1 . 22, 10.0.0.2 . 8080 }
  }
  chain input {
    iifname != $wan ip protocol . th dport vmap { udp . 67 : accept }
    tcp dport vmap { 22 : accept, 80 : drop }
    ip daddr . tcp dport { 10.0.0.5 . 443, 10.0.0.6 . 8000-8010 } accept
    meta l4proto . th dport {
      tcp . 22,    # ssh
      udp . 53
    } accept
  }
}
table ip nat {
  chain prerouting {
    iifname $wan dnat ip addr . port to tcp dport map {
      80  : 10.240.2.100 . 8080,     # web
      443 : 10.240.2.100 . 8443,
    }
    redirect to :tcp dport map { 22 : 2222 }
    dnat to ip saddr map { 10.1.1.0/24 : 10.0.0.9 }
    dnat ip6 addr . port to tcp dport map { 80 : [2001:db8::1] . 8081 }
  }
}
`;
  assert.equal(scanText({ text, fileName: 'nftables.conf' }).format, 'nftables');
  assert.deepEqual(rows(text, 'nftables.conf'), [
    [3, 28, 22, 'firewall'], // elements = { 10.0.0.1 . 22, 10.0.0.2 . 8080 }
    [3, 43, 8080, 'firewall'], // elements = { 10.0.0.1 . 22, 10.0.0.2 . 8080 }
    [6, 56, 67, 'firewall'], // iifname != $wan ip protocol . th dport vmap { udp . 67 : accept }
    [7, 21, 22, 'firewall'], // tcp dport vmap { 22 : accept, 80 : drop }
    [7, 34, 80, 'firewall'], // tcp dport vmap { 22 : accept, 80 : drop }
    [8, 38, 443, 'firewall'], // ip daddr . tcp dport { 10.0.0.5 . 443, 10.0.0.6 . 8000-8010 } accept
    [8, 54, 8000, 'firewall'], // ip daddr . tcp dport { 10.0.0.5 . 443, 10.0.0.6 . 8000-8010 } accept
    [8, 59, 8010, 'firewall'], // ip daddr . tcp dport { 10.0.0.5 . 443, 10.0.0.6 . 8000-8010 } accept
    [10, 12, 22, 'firewall'], // tcp . 22,    # ssh
    [11, 12, 53, 'firewall'], // udp . 53
    [18, 6, 80, 'firewall'], // 80  : 10.240.2.100 . 8080,     # web
    [18, 27, 8080, 'firewall'], // 80  : 10.240.2.100 . 8080,     # web
    [19, 6, 443, 'firewall'], // 443 : 10.240.2.100 . 8443,
    [19, 27, 8443, 'firewall'], // 443 : 10.240.2.100 . 8443,
    [21, 33, 22, 'firewall'], // redirect to :tcp dport map { 22 : 2222 }
    [21, 38, 2222, 'firewall'], // redirect to :tcp dport map { 22 : 2222 }
    [23, 44, 80, 'firewall'], // dnat ip6 addr . port to tcp dport map { 80 : [2001:db8::1] . 8081 }
    [23, 65, 8081, 'firewall'], // dnat ip6 addr . port to tcp dport map { 80 : [2001:db8::1] . 8081 }
  ]);
});

test('finds nftables named map and typeof-set elements by their declared port fields', () => {
  const text = `table ip nat {
  map fwd {
    type inet_service : ipv4_addr . inet_service
    elements = { 80 : 10.0.0.2 . 8080 }
  }
  map byaddr { type ipv4_addr : inet_service; elements = { 10.0.0.3 : 9090 } }
  set tuple {
    typeof ip saddr . tcp dport
    flags interval
    elements = {
      10.0.0.0/8 . 1000-2000,
      192.168.1.1 . 25
    }
  }
}
`;
  assert.deepEqual(rows(text, 'rules.nft'), [
    [3, 17, 80, 'firewall'], // elements = { 80 : 10.0.0.2 . 8080 }
    [3, 33, 8080, 'firewall'], // elements = { 80 : 10.0.0.2 . 8080 }
    [5, 70, 9090, 'firewall'], // map byaddr { type ipv4_addr : inet_service; elements = { 10.0.0.3 : 9090 } }
    [10, 19, 1000, 'firewall'], // 10.0.0.0/8 . 1000-2000,
    [10, 24, 2000, 'firewall'], // 10.0.0.0/8 . 1000-2000,
    [11, 20, 25, 'firewall'], // 192.168.1.1 . 25
  ]);
});

test('skips X display numbers in command lines but keeps a bare :port after an address flag', () => {
  const text = `[program:xvfb]
command=Xvfb :0 -screen 0 1024x768x24
command=/usr/bin/fluxbox -display :0
command=x11vnc -display :1 -rfbport 5901 -forever
command=Xvfb -ac :99
command=env DISPLAY=:2 app --listen :8080 --addr :9000 --bind=:9001
command=ncat -l :8081
command=socat tcp-listen:6000,fork tcp:localhost:6001
`;
  assert.deepEqual(rows(text, 'supervisord.conf'), [
    [3, 36, 5901, 'listen'], // command=x11vnc -display :1 -rfbport 5901 -forever
    [5, 37, 8080, 'listen'], // command=env DISPLAY=:2 app --listen :8080 --addr :9000 --bind=:9001
    [5, 50, 9000, 'listen'], // command=env DISPLAY=:2 app --listen :8080 --addr :9000 --bind=:9001
    [5, 63, 9001, 'listen'], // command=env DISPLAY=:2 app --listen :8080 --addr :9000 --bind=:9001
    [6, 17, 8081, 'listen'], // command=ncat -l :8081
    [7, 25, 6000, 'listen'], // command=socat tcp-listen:6000,fork tcp:localhost:6001
    [7, 49, 6001, 'connect'], // command=socat tcp-listen:6000,fork tcp:localhost:6001
  ]);
  // DISPLAY values are display numbers in any format.
  assert.deepEqual(rows('DISPLAY=:0\nPORT=8080\n', '.env'), [[1, 5, 8080, 'listen']]);
});

test('reads compose label keys with hyphenated segments by their last dotted part', () => {
  const text = `services:
  echat-web:
    image: node:20
    labels:
      - 'traefik.http.services.echat-web.loadbalancer.server.port=3000'
      - "traefik.http.services.echat-web.loadbalancer.server.port=3001"
      - traefik.http.services.web.loadbalancer.server.port=3002
      - 'traefik.http.routers.port-80.priority=10'
      - 'prometheus.io/port=9104'
  api:
    labels:
      traefik.http.services.echat-api.loadbalancer.server.port: "4001"
`;
  assert.deepEqual(rows(text, 'docker-compose.yml'), [
    [4, 66, 3000, 'listen'], // - 'traefik.http.services.echat-web.loadbalancer.server.port=3000'
    [5, 66, 3001, 'listen'], // - "traefik.http.services.echat-web.loadbalancer.server.port=3001"
    [6, 59, 3002, 'listen'], // - traefik.http.services.web.loadbalancer.server.port=3002
    [8, 28, 9104, 'listen'], // - 'prometheus.io/port=9104'
    [11, 65, 4001, 'listen'], // traefik.http.services.echat-api.loadbalancer.server.port: "4001"
  ]);
});

test('counts every plain number under a ports map as a named port (block and flow)', () => {
  const text = `ports:
  http: 80
service:
  name: web
  ports:
    http: 8080
    grpc: 9090
    replicas: 3
    protocol: 6
gateway:
  ports: {http: 81, metrics: 9100, enabled: 1}
containers:
  - name: app
    ports:
      - name: http
        containerPort: 8000
        weight: 5
`;
  assert.deepEqual(rows(text, 'values.yaml'), [
    [1, 8, 80, 'listen'], // http: 80
    [5, 10, 8080, 'listen'], // http: 8080
    [6, 10, 9090, 'listen'], // grpc: 9090
    [10, 16, 81, 'listen'], // ports: {http: 81, metrics: 9100, enabled: 1}
    [10, 29, 9100, 'listen'], // ports: {http: 81, metrics: 9100, enabled: 1}
    [15, 23, 8000, 'container'], // containerPort: 8000
  ]);
});

test('reads nginx upstream and *_pass addresses whose host is also an image name', () => {
  const text = `upstream app { server node:9004; server php:9005 weight=5; server web:9006; }
server {
  listen 80;
  location ~ \\.php$ { fastcgi_pass php:9000; }
  location /a { proxy_pass http://python:8000; }
}
`;
  assert.deepEqual(rows(text, 'default.conf'), [
    [0, 27, 9004, 'connect'], // upstream app { server node:9004; server php:9005 weight=5; server web:9006; }
    [0, 44, 9005, 'connect'], // upstream app { server node:9004; server php:9005 weight=5; server web:9006; }
    [0, 70, 9006, 'connect'], // upstream app { server node:9004; server php:9005 weight=5; server web:9006; }
    [2, 9, 80, 'listen'], // listen 80;
    [3, 39, 9000, 'connect'], // location ~ \.php$ { fastcgi_pass php:9000; }
    [4, 41, 8000, 'connect'], // location /a { proxy_pass http://python:8000; }
  ]);
  // Where an image is expected, `node:100` is still a tag.
  assert.deepEqual(rows('RUN docker run -d -p 8080:80 node:100 serve\n', 'Dockerfile'), [
    [0, 21, 8080, 'published'], // RUN docker run -d -p 8080:80 node:100 serve
    [0, 26, 80, 'container'], // RUN docker run -d -p 8080:80 node:100 serve
  ]);
});

test('reads split BIND configs (named.conf.options) by name and by content', () => {
  const text = `options {
        directory "/var/cache/bind";
        forwarders {
                127.0.0.1 port 54;
        };
        listen-on port 5353 { any; };
};
`;
  assert.equal(scanText({ text, fileName: 'named.conf.options' }).format, 'directive');
  assert.equal(scanText({ text, fileName: 'named.conf.local' }).format, 'directive');
  assert.equal(scanText({ text, fileName: 'bind-options' }).format, 'directive');
  assert.equal(scanText({ text: 'zone "example.com" IN {\n  type master;\n};\n', fileName: undefined }).format, 'directive');
  assert.deepEqual(rows(text, 'named.conf.options'), [
    [3, 31, 54, 'connect'], // 127.0.0.1 port 54;
    [5, 23, 5353, 'connect'], // listen-on port 5353 { any; };
  ]);
});

test('takes an Ansible port argument fed by `item` from its task\'s loop list, before or after the module', () => {
  const text = `- name: Allow all access to tcp port 80 and 443
  community.general.ufw:
    rule: allow
    port: "{{ item }}"
    proto: tcp
  with_items:
    - '80'
    - 443
- name: loop first, entries at the key's column
  loop:
  - { port: 8080, proto: tcp }
  - port: 9090
    proto: udp
  ansible.posix.firewalld:
    port: "{{ item.port }}/{{ item.proto }}"
    state: enabled
- name: flow list, a range
  iptables:
    chain: INPUT
    destination_port: '{{ item }}'
  with_list: [22, "60000:61000"]
- name: not a firewall
  docker_container:
    name: web
    exposed_ports: "{{ item.port }}"
  loop:
    - { port: 3000, replicas: 2 }
- name: the loop feeds no port
  apt:
    name: "{{ item }}"
  loop:
    - 8080
- name: the argument reads another key
  ufw:
    port: "{{ item.port }}"
  loop:
    - 8081
    - { name: web, number: 8082 }
- name: the loop is a variable
  ufw:
    port: "{{ item }}"
  loop: "{{ open_ports }}"
`;
  assert.deepEqual(rows(text, 'roles/fw/tasks/main.yml'), [
    [0, 37, 80, 'firewall'], // - name: Allow all access to tcp port 80 and 443
    [0, 44, 443, 'firewall'], // - name: Allow all access to tcp port 80 and 443
    [6, 7, 80, 'firewall'], // - '80'
    [7, 6, 443, 'firewall'], // - 443
    [10, 12, 8080, 'firewall'], // - { port: 8080, proto: tcp }
    [11, 10, 9090, 'firewall'], // - port: 9090
    [20, 14, 22, 'firewall'], // with_list: [22, "60000:61000"]
    [20, 19, 60000, 'firewall'], // with_list: [22, "60000:61000"]
    [20, 25, 61000, 'firewall'], // with_list: [22, "60000:61000"]
    [26, 14, 3000, 'published'], // - { port: 3000, replicas: 2 }
  ]);
});

test('reads socat addresses: a listening type takes a port, a connecting one a host and port', () => {
  const text = `socat TCP-LISTEN:8080,fork,reuseaddr TCP:db:5432
socat UDP4-RECVFROM:53,fork UDP4:10.0.0.1:53
socat tcp6-listen:443 openssl:cafe:8443
`;
  assert.deepEqual(rows(text, 'forward.sh'), [
    [0, 17, 8080, 'listen'], // socat TCP-LISTEN:8080,fork,reuseaddr TCP:db:5432
    [0, 44, 5432, 'connect'], // socat TCP-LISTEN:8080,fork,reuseaddr TCP:db:5432
    [1, 20, 53, 'listen'], // socat UDP4-RECVFROM:53,fork UDP4:10.0.0.1:53
    [1, 42, 53, 'connect'], // socat UDP4-RECVFROM:53,fork UDP4:10.0.0.1:53
    [2, 18, 443, 'listen'], // socat tcp6-listen:443 openssl:cafe:8443
    [2, 35, 8443, 'connect'], // socat tcp6-listen:443 openssl:cafe:8443
  ]);
  // Hex-looking hosts after the address type are no IPv6 groups; real IPv6 chains still are.
  assert.deepEqual(rows('x fe80::1:8080 and ::1:22\n', 'notes.txt'), []);
});

test('takes an Ansible port argument fed by `item` from free-form module arguments', () => {
  const text = `- name: Allow web traffic
  ufw: rule=allow port={{ item }} proto=tcp
  loop: [80, 443]
- firewalld: port={{ item }}/tcp permanent=true state=enabled
  with_items:
    - 6443
- name: not a port argument
  shell: echo retries={{ item }}
  loop: [1, 2]
`;
  assert.deepEqual(rows(text, 'roles/fw/tasks/main.yml'), [
    [2, 9, 80, 'firewall'], // loop: [80, 443]
    [2, 13, 443, 'firewall'], // loop: [80, 443]
    [5, 6, 6443, 'firewall'], // - 6443
  ]);
});

test('finds ports named in free-text YAML values only right after `port`/`ports`', () => {
  const text = `- name: Open ports 80, 443 and 8080 or 8443
  description: "web on port 3000/tcp, api on ports 5000/5001."
  title: Transport 25 and portal 26
  summary: listens on 9000 and 9001
  msg: "port 1.2 is not a port; port 22"
`;
  assert.deepEqual(rows(text, 'notes.yml'), [
    [0, 19, 80, 'unknown'], // - name: Open ports 80, 443 and 8080 or 8443
    [0, 23, 443, 'unknown'], // - name: Open ports 80, 443 and 8080 or 8443
    [0, 31, 8080, 'unknown'], // - name: Open ports 80, 443 and 8080 or 8443
    [0, 39, 8443, 'unknown'], // - name: Open ports 80, 443 and 8080 or 8443
    [1, 28, 3000, 'unknown'], // description: "web on port 3000/tcp, api on ports 5000/5001."
    [1, 51, 5000, 'unknown'], // description: "web on port 3000/tcp, api on ports 5000/5001."
    [1, 56, 5001, 'unknown'], // description: "web on port 3000/tcp, api on ports 5000/5001."
    [4, 37, 22, 'unknown'], // msg: "port 1.2 is not a port; port 22"
  ]);
});

test('finds ports a free-text value names in parentheses, in YAML and in key=value files', () => {
  const yaml = `- name: Allow web traffic (80 and 443)
- name: DNS (53/udp) and HTTPS (443, 8443/tcp)
- name: Install Java (v17)
- name: Wait (10 seconds), step (1), version (1.2), Samba 4 (2019)
`;
  assert.deepEqual(rows(yaml, 'tasks.yml'), [
    [0, 27, 80, 'unknown'], // - name: Allow web traffic (80 and 443)
    [0, 34, 443, 'unknown'], // - name: Allow web traffic (80 and 443)
    [1, 13, 53, 'unknown'], // - name: DNS (53/udp) and HTTPS (443, 8443/tcp)
    [1, 32, 443, 'unknown'], // - name: DNS (53/udp) and HTTPS (443, 8443/tcp)
    [1, 37, 8443, 'unknown'], // - name: DNS (53/udp) and HTTPS (443, 8443/tcp)
  ]);
  // PORT-OCCURRENCES.md's own example, and `port N` in a systemd description.
  assert.deepEqual(rows('[Unit]\nDescription=Web Server (8080)\n', 'web.service'), [[1, 24, 8080, 'unknown']]);
  assert.deepEqual(rows('[Unit]\nDescription=Exporter listening on port 9100\n', 'exporter.service'), [[1, 39, 9100, 'unknown']]);
  assert.deepEqual(rows('[app]\ntitle=App\ndescription=Web Server (8080)\nports=8080/tcp\n', '/etc/ufw/applications.d/app'), [
    [2, 24, 8080, 'firewall'], // description=Web Server (8080)
    [3, 6, 8080, 'firewall'], // ports=8080/tcp
  ]);
});

test('reads a shell script as commands: iptables, ufw and firewall-cmd rules, port flags of known commands', () => {
  const text = `#!/bin/sh
iptables -A INPUT -p udp --dport 27015 -m multiport --sports 1024:1899,1901:2061 -j ACCEPT
iptables -I OUTPUT 1 -p udp --destination-port 1194 -j ACCEPT
$IPT -A INPUT -p tcp --dport 22 -m length --length 28:150 -j ACCEPT
ufw allow 6000:6007/tcp
sudo ufw allow from 10.0.0.0/8 to any port 5432 proto tcp
firewall-cmd --permanent --add-port=8080/tcp
docker run -d -p 8080:80 --name web nginx:1.25
ssh -p 2222 user@host
ps -p 1234
xargs -P 4 echo
`;
  assert.deepEqual(rows(text, 'firewall.sh'), [
    [1, 33, 27015, 'firewall'], // iptables -A INPUT -p udp --dport 27015 -m multiport --sports 1024:1899,1901:2061 -j ACCEPT
    [1, 61, 1024, 'firewall'], // iptables -A INPUT -p udp --dport 27015 -m multiport --sports 1024:1899,1901:2061 -j ACCEPT
    [1, 66, 1899, 'firewall'], // iptables -A INPUT -p udp --dport 27015 -m multiport --sports 1024:1899,1901:2061 -j ACCEPT
    [1, 71, 1901, 'firewall'], // iptables -A INPUT -p udp --dport 27015 -m multiport --sports 1024:1899,1901:2061 -j ACCEPT
    [1, 76, 2061, 'firewall'], // iptables -A INPUT -p udp --dport 27015 -m multiport --sports 1024:1899,1901:2061 -j ACCEPT
    [2, 47, 1194, 'firewall'], // iptables -I OUTPUT 1 -p udp --destination-port 1194 -j ACCEPT
    [3, 29, 22, 'firewall'], // $IPT -A INPUT -p tcp --dport 22 -m length --length 28:150 -j ACCEPT
    [4, 10, 6000, 'firewall'], // ufw allow 6000:6007/tcp
    [4, 15, 6007, 'firewall'], // ufw allow 6000:6007/tcp
    [5, 43, 5432, 'firewall'], // sudo ufw allow from 10.0.0.0/8 to any port 5432 proto tcp
    [6, 36, 8080, 'firewall'], // firewall-cmd --permanent --add-port=8080/tcp
    [7, 17, 8080, 'published'], // docker run -d -p 8080:80 --name web nginx:1.25
    [7, 22, 80, 'container'], // docker run -d -p 8080:80 --name web nginx:1.25
    [8, 7, 2222, 'connect'], // ssh -p 2222 user@host
  ]);
});

test('finds the registry port of an image reference, never its tag', () => {
  const compose = `services:
  db:
    image: registry.example.com:5000/team/db:1.2
  cache:
    image: myregistry:5000/cache
  web:
    image: postgres:15
`;
  assert.deepEqual(rows(compose, 'docker-compose.yml'), [
    [2, 32, 5000, 'connect'], // image: registry.example.com:5000/team/db:1.2
    [4, 22, 5000, 'connect'], // image: myregistry:5000/cache
  ]);
  assert.deepEqual(rows('FROM --platform=linux/amd64 localhost:5000/base:1.0 AS build\nFROM node:20\n', 'Dockerfile'), [[0, 38, 5000, 'connect']]);
});

test('reads positional ports of development servers and escaped quotes in JSON command strings', () => {
  assert.deepEqual(rows('{\n  "args": ["runserver", "7000", "--insecure"]\n}\n', 'launch.json'), [[1, 25, 7000, 'listen']]);
  assert.deepEqual(rows('web: python -m http.server 8080\n', 'Procfile'), [[0, 27, 8080, 'listen']]);
  const pkg = '{\n  "scripts": {\n    "all": "concurrently \\"json-server --port 3001\\" \\"next dev\\""\n  }\n}\n';
  assert.deepEqual(rows(pkg, 'package.json'), [[2, 46, 3001, 'listen']]);
});

test('reads daemon idioms: connection strings, stunnel, postfix inet services, Listen after the last colon, masked URL hosts', () => {
  assert.deepEqual(rows('[databases]\nmus = host=127.0.0.1 port=5003 dbname=mus\n', 'pgbouncer.ini'), [[1, 26, 5003, 'connect']]);
  assert.deepEqual(rows('[https]\naccept = 443\nconnect = 8080\n', 'stunnel.conf'), [
    [1, 9, 443, 'listen'], // accept = 443
    [2, 10, 8080, 'connect'], // connect = 8080
  ]);
  const master = `smtp      inet  n       -       y       -       -       smtpd
2525      inet  n       -       y       -       -       smtpd
127.0.0.1:10025 inet n  -       n       -       -       smtpd
`;
  assert.deepEqual(rows(master, 'master.cf'), [
    [1, 0, 2525, 'listen'], // 2525      inet  n       -       y       -       -       smtpd
    [2, 10, 10025, 'listen'], // 127.0.0.1:10025 inet n  -       n       -       -       smtpd
  ]);
  assert.deepEqual(rows('Listen ::1:82\nListen 8080\n', 'ports.conf'), [[0, 11, 82, 'listen'], [1, 7, 8080, 'listen']]);
  assert.deepEqual(rows('location / {\n  proxy_pass http://###.###.##.###:5824/;\n}\n', 'nginx.conf'), [[1, 35, 5824, 'connect']]);
});

test('reads mosquitto listeners, ZooKeeper quorum addresses, FTP and cluster port keys, Nomad port stanzas', () => {
  assert.deepEqual(rows('listener 1883\nlistener 9001 0.0.0.0\nprotocol websockets\n', 'mosquitto.conf'), [
    [0, 9, 1883, 'listen'], // listener 1883
    [1, 9, 9001, 'listen'], // listener 9001 0.0.0.0
  ]);
  // `host1:2888:3888`: a host and two ports, not IPv6 groups glued to the host's name.
  assert.deepEqual(rows('tickTime=2000\nserver.1=zookeeper1:2888:3888\n', 'zoo.cfg'), [
    [1, 20, 2888, 'connect'], // server.1=zookeeper1:2888:3888
    [1, 25, 3888, 'connect'], // server.1=zookeeper1:2888:3888
  ]);
  const values = 'service:\n  nodePortCommand: 30021\n  nodePortData: 30020\n  nodePortPassiveMin: 32100\n  portForwardingEnabled: 1\n';
  assert.deepEqual(rows(values, 'values.yaml'), [
    [1, 19, 30021, 'published'], // nodePortCommand: 30021
    [2, 16, 30020, 'published'], // nodePortData: 30020
    [3, 22, 32100, 'published'], // nodePortPassiveMin: 32100
  ]);
  const nomad = `job "traefik" {
  group "traefik" {
    network {
      port "http" {
        static = 8080
        to = 80
      }
      port "api" { static = 8081 }
    }
    count = 1
  }
}
`;
  assert.deepEqual(rows(nomad, 'traefik.nomad'), [
    [4, 17, 8080, 'published'], // static = 8080
    [5, 13, 80, 'container'], // to = 80
    [7, 28, 8081, 'published'], // port "api" { static = 8081 }
  ]);
});

test('reads free text in JSON, and YAML comments that are prose rather than commented-out code', () => {
  assert.deepEqual(rows('{\n  "name": "Attach to running NestJS (port 9229)",\n  "port": 9229\n}\n', 'launch.json'), [
    [1, 42, 9229, 'unknown'], // "name": "Attach to running NestJS (port 9229)",
    [2, 10, 9229, 'unknown'], // "port": 9229
  ]);
  const pod = `spec:
  containers:
  - name: exporter
    ports:
    - name: metrics
      #^ must be an IANA_SVC_NAME (at most 15 characters)
      # - containerPort: 9101
      containerPort: 9100
`;
  assert.deepEqual(rows(pod, 'daemonset.yaml'), [
    [6, 25, 9101, 'container', true], // # - containerPort: 9101
    [7, 21, 9100, 'container'], // containerPort: 9100
  ]);
});

test('reads RabbitMQ listeners, IPsec protoport, xinetd services, sslh (libconfig) and Consul port maps', () => {
  assert.deepEqual(rows('listeners.tcp.default = 5672\nlisteners.ssl.default = 5671\nmanagement.tcp.port = 15672\n', 'rabbitmq.conf'), [
    [0, 24, 5672, 'listen'], // listeners.tcp.default = 5672
    [1, 24, 5671, 'listen'], // listeners.ssl.default = 5671
    [2, 22, 15672, 'listen'], // management.tcp.port = 15672
  ]);
  // `17` is the protocol (UDP), `1701` the port.
  assert.deepEqual(rows('conn L2TP\n  leftprotoport=17/1701\n  rightprotoport=17/%any\n', 'ipsec.conf'), [[1, 19, 1701, 'firewall']]);
  assert.deepEqual(rows('service check_mk\n{\n  port = 6556\n  socket_type = stream\n}\n', '/etc/xinetd.d/check_mk'), [[2, 9, 6556, 'listen']]);
  const sslh = 'protocols:\n(\n  { name: "ssh"; host: "localhost"; port: "22"; fork: true; },\n  { name: "tls"; host: "localhost"; port: "443"; }\n);\n';
  assert.deepEqual(rows(sslh, 'sslh.cfg'), [
    [2, 43, 22, 'connect'], // { name: "ssh"; host: "localhost"; port: "22"; fork: true; },
    [3, 43, 443, 'connect'], // { name: "tls"; host: "localhost"; port: "443"; }
  ]);
  assert.deepEqual(rows('ports {\n  http = 0\n  https = 8501\n  grpc_tls = 8503\n}\nretry_interval = 30\n', 'consul.hcl'), [
    [1, 9, 0, 'listen'], // http = 0
    [2, 10, 8501, 'listen'], // https = 8501
    [3, 13, 8503, 'listen'], // grpc_tls = 8503
  ]);
});

test('reads firewall ports in fail2ban actions, Azure port ranges, Ansible direction lists and shell messages', () => {
  const jail = '[sip]\nbantime = 600\naction = iptables-multiport[name=sip, protocol=udp, port="5060:5091", blocktype=DROP]\n';
  assert.deepEqual(rows(jail, 'jail.local'), [
    [2, 58, 5060, 'firewall'], // action = iptables-multiport[name=sip, protocol=udp, port="5060:5091", blocktype=DROP]
    [2, 63, 5091, 'firewall'], // action = iptables-multiport[name=sip, protocol=udp, port="5060:5091", blocktype=DROP]
  ]);
  const nsg = 'resource "azurerm_network_security_rule" "web" {\n  destination_port_ranges = ["80", "443"]\n  priority = 100\n}\n';
  assert.deepEqual(rows(nsg, 'nsg.tf'), [
    [1, 30, 80, 'firewall'], // destination_port_ranges = ["80", "443"]
    [1, 36, 443, 'firewall'], // destination_port_ranges = ["80", "443"]
  ]);
  assert.deepEqual(rows('ufw_allow_ports_in:\n  - 22\n  - 443\nports_in_use: 3\n', 'defaults/main.yml'), [
    [1, 4, 22, 'firewall'], // - 22
    [2, 4, 443, 'firewall'], // - 443
  ]);
  assert.deepEqual(rows('echo "Allow SSH Port 3333"\niptables -A INPUT -p tcp --dport 3333 -j ACCEPT\n', 'firewall.sh'), [
    [0, 21, 3333, 'unknown'], // echo "Allow SSH Port 3333"
    [1, 33, 3333, 'firewall'], // iptables -A INPUT -p tcp --dport 3333 -j ACCEPT
  ]);
});

test('takes a number in an Ansible task name as a port when the task opens that port', () => {
  const text = `- name: Enable 9200 if elasticsearch
  ufw:
    rule: allow
    port: "9200"
- name: Wait 30 seconds
  wait_for:
    port: 8080
    timeout: 30
- name: servicea-80
  port: 80
`;
  assert.deepEqual(rows(text, 'roles/firewall/tasks/main.yml'), [
    [0, 15, 9200, 'firewall'], // - name: Enable 9200 if elasticsearch
    [3, 11, 9200, 'firewall'], // port: "9200"
    [6, 10, 8080, 'unknown'], // port: 8080
    [9, 8, 80, 'unknown'], // port: 80
  ]);
});

test('reads RouterOS exports, OpenWrt UCI, Shorewall tables and Ansible INI inventories', () => {
  const rsc = '/ip firewall filter\nadd action=accept chain=input comment="Allow DNS" dst-port=53,5353 protocol=udp\n' +
    'add action=dst-nat chain=dstnat dst-port=3389 protocol=\\\n    tcp to-addresses=192.168.1.10 to-ports=3389\n';
  assert.deepEqual(rows(rsc, 'firewall.rsc'), [
    [1, 59, 53, 'firewall'], // add action=accept chain=input comment="Allow DNS" dst-port=53,5353 protocol=udp
    [1, 62, 5353, 'firewall'], // add action=accept chain=input comment="Allow DNS" dst-port=53,5353 protocol=udp
    [2, 41, 3389, 'firewall'], // add action=dst-nat chain=dstnat dst-port=3389 protocol=\
    [3, 43, 3389, 'firewall'], //     tcp to-addresses=192.168.1.10 to-ports=3389
  ]);
  const uci = "config rule\n\toption name 'Allow-SSH'\n\toption dest_port '22'\n\toption proto 'tcp'\n\nconfig redirect\n\toption src_dport '1337'\n";
  assert.deepEqual(rows(uci, '/etc/config/firewall'), [
    [2, 19, 22, 'firewall'], // option dest_port '22'
    [6, 19, 1337, 'firewall'], // option src_dport '1337'
  ]);
  const shorewall = '#ACTION SOURCE DEST PROTO DPORT\n?SECTION NEW\nACCEPT net fw tcp 80,443\nACCEPT net fw tcp 10001:11001\n' +
    'DNAT net loc:192.168.1.10:8080 tcp 80\nSSH(ACCEPT) net fw\n';
  assert.deepEqual(rows(shorewall, '/etc/shorewall/rules'), [
    [2, 18, 80, 'firewall'], // ACCEPT net fw tcp 80,443
    [2, 21, 443, 'firewall'], // ACCEPT net fw tcp 80,443
    [3, 18, 10001, 'firewall'], // ACCEPT net fw tcp 10001:11001
    [3, 24, 11001, 'firewall'], // ACCEPT net fw tcp 10001:11001
    [4, 26, 8080, 'firewall'], // DNAT net loc:192.168.1.10:8080 tcp 80
    [4, 35, 80, 'firewall'], // DNAT net loc:192.168.1.10:8080 tcp 80
  ]);
  const inventory = '[vps]\nvps.example.com  ansible_ssh_host=vps.example.com  ansible_ssh_port=2222  ansible_ssh_user=deploy\n';
  assert.deepEqual(rows(inventory, 'inventory.production'), [[1, 68, 2222, 'connect']]);
});

test('reads postfix bracketed relay hosts, address@port (unbound) and free-form port= module arguments', () => {
  assert.deepEqual(rows('relayhost = [smtp.gmail.com]:587\n', 'main.cf'), [[0, 29, 587, 'connect']]);
  const unbound = 'forward-zone:\n  name: "."\n  forward-addr: 1.1.1.1@853#cloudflare-dns.com\n  interface: 127.0.0.1@5353\n';
  assert.deepEqual(rows(unbound, 'unbound.conf'), [
    [2, 24, 853, 'connect'], // forward-addr: 1.1.1.1@853#cloudflare-dns.com
    [3, 23, 5353, 'listen'], // interface: 127.0.0.1@5353
  ]);
  // An e-mail address is no endpoint.
  assert.deepEqual(rows('admin: root@192.168.1.1\n', 'aliases.yml'), []);
  assert.deepEqual(rows('- name: wait\n  wait_for: port=8080 delay=10\n- name: x\n  shell: echo a=1 b=2\n', 'tasks.yml'), [[1, 17, 8080, 'unknown']]);
});

test('reads IPv6 address@port and address#port, and gives listening addresses and debug configurations their roles', () => {
  const unbound = 'server:\n  interface: ::0@53\n  interface: 2001:db8::5@5353\n  forward-addr: 2606:4700:4700::1111@853#dns\n';
  assert.deepEqual(rows(unbound, 'unbound.conf'), [
    [1, 17, 53, 'listen'], // interface: ::0@53
    [2, 25, 5353, 'listen'], // interface: 2001:db8::5@5353
    [3, 37, 853, 'connect'], // forward-addr: 2606:4700:4700::1111@853#dns
  ]);
  // A wildcard before the mark listens whatever the key; dnsmasq's `#` takes IPv6 too.
  assert.deepEqual(rows('server=2001:4860:4860::8888#53\nlisten-address=0.0.0.0#5353\n', 'dnsmasq.conf'), [
    [0, 28, 53, 'connect'], // server=2001:4860:4860::8888#53
    [1, 23, 5353, 'listen'], // listen-address=0.0.0.0#5353
  ]);
  // Not addresses: a word, a single colon, a MAC-like run glued to a name.
  assert.deepEqual(rows('a = user@5353\nb = x:1@53\nc = eth0::1@53\n', 'x.conf'), []);
  const launch = `{
  "configurations": [
    { "type": "node", "request": "attach", "name": "Attach", "port": 9229 },
    { "type": "node", "request": "launch", "name": "Launch", "env": { "PORT": "3000" } }
  ]
}
`;
  assert.deepEqual(rows(launch, '.vscode/launch.json'), [
    [2, 69, 9229, 'connect'], // "port": 9229 (the debugger attaches to it)
    [3, 79, 3000, 'listen'], // "env": { "PORT": "3000" } (the program listens on it)
  ]);
  // Outside launch.json a bare `port` says nothing of its role.
  assert.deepEqual(rows('{ "configurations": [ { "port": 9229 } ] }\n', 'x.json'), [[0, 32, 9229, 'unknown']]);
});

test('reads haproxy IPv6 wildcard binds, port-named directive arguments and firewalld forward ports', () => {
  assert.deepEqual(rows('frontend f\n    bind :::80 v4v6\n    bind :::443 v4v6 ssl crt /x.pem\n', 'haproxy.cfg'), [
    [1, 12, 80, 'listen'], // bind :::80 v4v6
    [2, 12, 443, 'listen'], // bind :::443 v4v6 ssl crt /x.pem
  ]);
  // An unbracketed IPv6 address with a port is still ambiguous and stays out.
  assert.deepEqual(rows('addr = ::1:8080\n', 'x.txt'), []);
  assert.deepEqual(rows('Match LocalPort 2222\n    PasswordAuthentication no\n', 'sshd_config'), [[0, 16, 2222, 'listen']]);
  assert.deepEqual(rows('report 5\ntransport 20\n', 'x.conf'), []);
  const fw = 'firewall-cmd --permanent --add-forward-port=port=80:proto=tcp:toport=8080\n';
  assert.deepEqual(rows(fw, 'fw.sh'), [
    [0, 49, 80, 'firewall'], // firewall-cmd --permanent --add-forward-port=port=80:proto=tcp:toport=8080
    [0, 69, 8080, 'firewall'], // firewall-cmd --permanent --add-forward-port=port=80:proto=tcp:toport=8080
  ]);
});

test('reads INI keys of several words (smb.conf)', () => {
  const smb = '[global]\n   server string = Samba Server %v\n   smb ports = 445 139\n   max log size = 1000\n';
  assert.deepEqual(rows(smb, 'smb.conf'), [
    [2, 15, 445, 'listen'], // smb ports = 445 139
    [2, 19, 139, 'listen'], // smb ports = 445 139
  ]);
});

test('reads forwards written port:host:port (ssh -L, Tor service hosts), not times or ratios', () => {
  assert.deepEqual(rows('ssh -N -L 8080:localhost:80 -R 9000:db.internal:5432 user@bastion\n', 'tunnel.sh'), [
    [0, 10, 8080, 'listen'], // ssh -N -L 8080:localhost:80 -R 9000:db.internal:5432 user@bastion
    [0, 25, 80, 'connect'], // ssh -N -L 8080:localhost:80 -R 9000:db.internal:5432 user@bastion
    [0, 31, 9000, 'listen'], // ssh -N -L 8080:localhost:80 -R 9000:db.internal:5432 user@bastion
    [0, 48, 5432, 'connect'], // ssh -N -L 8080:localhost:80 -R 9000:db.internal:5432 user@bastion
  ]);
  assert.deepEqual(rows('services:\n  tor:\n    environment:\n      HOSTS: 80:web:3000\n', 'docker-compose.yml'), [
    [3, 13, 80, 'listen'], // HOSTS: 80:web:3000
    [3, 20, 3000, 'connect'], // HOSTS: 80:web:3000
  ]);
  assert.deepEqual(rows('MaxStartups 10:30:100\ntime 10:30:45\n', 'sshd_config'), []);
});

test('reads Varnish backends, and // comments in directive files (BIND, VCL)', () => {
  const vcl = 'vcl 4.0;\n// default backend on port 80\nbackend default {\n    .host = "127.0.0.1";\n    .port = "8080";\n' +
    '    .probe = { .url = "/"; .timeout = 1s; .interval = 5s; .window = 5; .threshold = 3; }\n}\n';
  assert.deepEqual(rows(vcl, 'default.vcl'), [
    [1, 27, 80, 'connect', true], // // default backend on port 80
    [4, 13, 8080, 'connect'], // .port = "8080";
  ]);
  const bind = 'options {\n  // listen-on port 53 { 127.0.0.1; };\n  listen-on port 5353 { any; };\n};\n';
  assert.deepEqual(rows(bind, 'named.conf.options'), [
    [1, 20, 53, 'connect', true], // // listen-on port 53 { 127.0.0.1; };
    [2, 17, 5353, 'connect'], // listen-on port 5353 { any; };
  ]);
});

test('takes a number in a Terraform description as a port when its block sets that port', () => {
  const tf = `resource "aws_security_group" "web" {
  description = "Web 80 and 443, not 10 hosts"
  ingress {
    from_port   = 8080
    to_port     = 8080
    description = "Tomcat 8080 Access (v2)"
  }
  ingress {
    from_port = 443
    to_port   = 443
  }
}
resource "aws_security_group" "other" {
  description = "Nothing here is 8080"
}
`;
  assert.deepEqual(rows(tf, 'sg.tf'), [
    [1, 28, 443, 'firewall'], // description = "Web 80 and 443, not 10 hosts"
    [3, 18, 8080, 'firewall'], // from_port   = 8080
    [4, 18, 8080, 'firewall'], // to_port     = 8080
    [5, 26, 8080, 'firewall'], // description = "Tomcat 8080 Access (v2)"
    [8, 16, 443, 'firewall'], // from_port = 443
    [9, 16, 443, 'firewall'], // to_port   = 443
  ]);
});

test('takes the literal fallback of a Jinja expression under a port key', () => {
  const text = 'ufw_allow_ports_in:\n  - {{ ansible_ssh_port if ansible_ssh_port is defined else 22 }}\n  - 25\n' +
    'http_port: "{{ custom_port | default(8080) }}"\nother_port: "{{ a | int }}"\n';
  assert.deepEqual(rows(text, 'defaults/main.yml'), [
    [1, 60, 22, 'firewall'], // - {{ ansible_ssh_port if ansible_ssh_port is defined else 22 }}
    [2, 4, 25, 'firewall'], // - 25
    [3, 37, 8080, 'listen'], // http_port: "{{ custom_port | default(8080) }}"
  ]);
});

test('takes the default of a variable as the port of host:port on command lines and in values', () => {
  const procfile = 'web: gunicorn --bind 0.0.0.0:${PORT:-5000} --workers 4 run:app\nworker: app --connect db:${DB_PORT-5432} --listen :${P:=8080}\n';
  assert.deepEqual(rows(procfile, 'Procfile'), [
    [0, 37, 5000, 'listen'], // web: gunicorn --bind 0.0.0.0:${PORT:-5000} --workers 4 run:app
    [1, 35, 5432, 'connect'], // worker: app --connect db:${DB_PORT-5432} --listen :${P:=8080}
    [1, 56, 8080, 'listen'], // worker: app --connect db:${DB_PORT-5432} --listen :${P:=8080}
  ]);
  assert.deepEqual(rows('[Service]\nExecStart=/usr/bin/app --bind 127.0.0.1:${PORT:-5002}\n', 'app.service'), [
    [1, 48, 5002, 'listen'], // ExecStart=/usr/bin/app --bind 127.0.0.1:${PORT:-5002}
  ]);
  // Image tags stay tags, whatever the default; defaults that are not digits are no port.
  const compose = `services:
  web:
    image: app:\${TAG:-2024}
    command: gunicorn --bind 0.0.0.0:\${PORT:-8000} app
    environment:
      - DATABASE_URL=postgres://db:\${PGPORT:-5432}/app
      - IMG=node:\${NODE:-18}
      - HOST=db:\${DB_PORT:-x5432}
`;
  assert.deepEqual(rows(compose, 'docker-compose.yml'), [
    [3, 45, 8000, 'listen'], // command: gunicorn --bind 0.0.0.0:${PORT:-8000} app
    [5, 45, 5432, 'connect'], // - DATABASE_URL=postgres://db:${PGPORT:-5432}/app
  ]);
});

test('takes variable defaults and prose ports in values that look like plain settings', () => {
  // The fast paths that skip plain settings (no port key, no endpoint punctuation) must still see them.
  assert.deepEqual(rows('URL=http://cache:${PORT:-6380}/0\n', '.env'), [[0, 25, 6380, 'connect']]);
  assert.deepEqual(rows('spring.redis.url=redis://cache:${REDIS_PORT:-6379}\n', 'application.properties'), [[0, 45, 6379, 'connect']]);
  assert.deepEqual(rows('endpoint = "db.internal:${DB_PORT:-5432}"\n', 'main.tf'), [[0, 35, 5432, 'connect']]);
  assert.deepEqual(rows('replicaof localhost:${PRIMARY_PORT:-6379}\n', 'redis.conf'), [[0, 36, 6379, 'connect']]);
  assert.deepEqual(rows('app:\n  url: http://api:${API_PORT:-9000}/v1\n', 'values.yaml'), [[1, 30, 9000, 'connect']]);
  assert.deepEqual(rows('app:\n  description: Allow tcp port 8443 and 9443\n', 'values.yaml'), [
    [1, 30, 8443, 'unknown'],
    [1, 39, 9443, 'unknown'],
  ]);
});

test('reads commented-out compose port and expose lists as comment occurrences', () => {
  const text = `services:
  web:
    image: nginx
  # worker:
  #   ports:
  #     - 9964:9964
  #     - "9900"
  #   expose:
  #     - 7000
  #   environment:
  #     - A=1234
`;
  assert.deepEqual(rows(text, 'docker-compose.yml'), [
    [5, 10, 9964, 'published', true], // #     - 9964:9964
    [5, 15, 9964, 'container', true], // #     - 9964:9964
    [6, 11, 9900, 'container', true], // #     - "9900"
    [8, 10, 7000, 'exposed', true], // #     - 7000
  ]);
});

test('reads ${VAR} hosts in nginx templates, sentinel monitors, haproxy server addresses and autossh forwards', () => {
  const tpl = 'upstream app {\n    server ${APP_HOST}:8080 max_fails=2;\n    server ${APP_HOST_2}:${APP_PORT} backup;\n}\nlocation / { proxy_pass http://${UPSTREAM}:9000; }\n';
  assert.deepEqual(rows(tpl, 'default.conf.template'), [
    [1, 23, 8080, 'connect'], // server ${APP_HOST}:8080 max_fails=2;
    [4, 43, 9000, 'connect'], // location / { proxy_pass http://${UPSTREAM}:9000; }
  ]);
  const sentinel = 'sentinel monitor mymaster redis-master 6379 2\nsentinel monitor other 10.0.0.5 6380 2\nsentinel down-after-milliseconds mymaster 30000\n';
  assert.deepEqual(rows(sentinel, 'sentinel.conf'), [
    [0, 39, 6379, 'connect'], // sentinel monitor mymaster redis-master 6379 2
    [1, 32, 6380, 'connect'], // sentinel monitor other 10.0.0.5 6380 2
  ]);
  // `server <name> <address>`: the address is one by the grammar, however short its port.
  assert.deepEqual(rows('backend mail\n    server stalwart stalwart-mail:25 send-proxy-v2\n    server web1 web:8 check\n', 'haproxy.cfg'), [
    [1, 34, 25, 'connect'], // server stalwart stalwart-mail:25 send-proxy-v2
    [2, 20, 8, 'connect'], // server web1 web:8 check
  ]);
  const unit = '[Service]\nExecStart=/usr/bin/autossh -M 20000 -N -L 0.0.0.0:11434:localhost:11434 -L *:2525:localhost:25 host\n';
  assert.deepEqual(rows(unit, 'tunnel.service'), [
    [1, 30, 20000, 'listen'], // -M 20000 (autossh's monitoring port)
    [1, 50, 11434, 'listen'], // -L 0.0.0.0:11434:localhost:11434
    [1, 66, 11434, 'connect'],
    [1, 77, 2525, 'listen'], // -L *:2525:localhost:25
    [1, 92, 25, 'connect'],
  ]);
  // ssh's own `-M` is master mode and takes no port.
  assert.deepEqual(rows('[Service]\nExecStart=/usr/bin/ssh -M -S /tmp/s -N host\n', 'ssh.service'), []);
});

test('reads postfix inet: sockets, ports indexed by port, printf and $(...) hosts, and ${NAME:default} only when NAME names a port', () => {
  assert.deepEqual(rows('smtpd_milters = inet:127.0.0.1:10026, inet:localhost:8891\nvirtual_alias_maps = tcp:localhost:10001\n', 'main.cf'), [
    [0, 31, 10026, 'connect'], // inet:127.0.0.1:10026
    [0, 53, 8891, 'connect'], // inet:localhost:8891
    [1, 35, 10001, 'connect'], // tcp:localhost:10001
  ]);
  // GitHub Actions maps a service container's port to the runner's: `ports[5432]`; other indexes are not ports.
  const ci = 'jobs:\n  test:\n    env:\n      POSTGRES_PORT: ${{ job.services.postgres.ports[5432] }}\n      FIRST: ${{ matrix.items[1] }}\n';
  assert.deepEqual(rows(ci, 'ci.yml'), [[3, 53, 5432, 'container']]);
  const helm = 'data:\n  peers: \'{{- printf "%s-%d.%s.svc%s:5080" $name $idx $name $suffix -}}\'\n  rate: \'{{ printf "%d%%:100" $x }}\'\n';
  assert.deepEqual(rows(helm, 'statefulset.yaml'), [[1, 37, 5080, 'connect']]);
  assert.deepEqual(rows('args:\n  - dgraph alpha --my=$(hostname -f):7080\n  - echo $(date):$(id -u)\n', 'pod.yaml'), [[1, 37, 7080, 'connect']]);
  const spring = 'jwt.lifetime=${JWT_LIFETIME:300}\nspring.redis.port=${REDIS_PORT:6379}\ncache.ttl=${timeout.ms:3000}\nserver.port=${PORT:8080}\n';
  assert.deepEqual(rows(spring, 'application.properties'), [
    [1, 31, 6379, 'connect'], // spring.redis.port=${REDIS_PORT:6379}
    [3, 19, 8080, 'listen'], // server.port=${PORT:8080}
  ]);
});

test('reads configuration written as code: port-named assignments and environment fallbacks (Chef, Nix, Puppet, Ruby, Python, JS)', () => {
  const chef = 'default["statsd"]["port"]          = 8125\ndefault[\'app\'][\'timeout\'] = 30\nnode.default[:db][:port] = "5432"\n' +
    '  :driverPort => 28015,\n  :portOffset => 0,\n# port = 22\nif port == 80\nreport = 5\n';
  assert.deepEqual(rows(chef, 'attributes/default.rb'), [
    [0, 37, 8125, 'unknown'], // default["statsd"]["port"] = 8125
    [2, 28, 5432, 'unknown'], // node.default[:db][:port] = "5432"
    [3, 17, 28015, 'unknown'], // :driverPort => 28015,
    [5, 9, 22, 'unknown', true], // # port = 22 (a comment line)
  ]);
  const nix = '{ config, ... }: {\n  networking.firewall.allowedTCPPorts = [\n    80\n    # 443\n    1234 # ssh\n  ];\n' +
    '  services.nginx.port = 8080;\n  boot.loader.timeout = 5;\n}\n';
  assert.deepEqual(rows(nix, 'configuration.nix'), [
    [2, 4, 80, 'firewall'], // a list over several lines, with comments in it
    [4, 4, 1234, 'firewall'],
    [6, 24, 8080, 'unknown'], // services.nginx.port = 8080;
  ]);
  assert.deepEqual(rows("firewall { '100 allow l2tp':\n  dport  => ['500', '4500'],\n  proto  => 'udp',\n}\n", 'firewall.pp'), [
    [1, 14, 500, 'firewall'], // dport => ['500', '4500'] (the title's 100 is the rule's order)
    [1, 21, 4500, 'firewall'],
  ]);
  const code = 'port ENV.fetch("PORT") { 3000 }\nbind "tcp://0.0.0.0:#{ENV.fetch(\'PORT\', 3001)}"\nworkers ENV.fetch("WEB_CONCURRENCY") { 2 }\n' +
    'PORT = int(os.environ.get("PORT", 8000))\nDB = os.getenv("DB_PORT", "5433")\nconst port = process.env.PORT || 3002;\nconst n = process.env.WORKERS || 4;\n';
  assert.deepEqual(rows(code, 'config/puma.rb'), [
    [0, 25, 3000, 'listen'], // port ENV.fetch("PORT") { 3000 }
    [1, 40, 3001, 'listen'], // #{ENV.fetch('PORT', 3001)}
    [3, 34, 8000, 'listen'], // os.environ.get("PORT", 8000)
    [4, 27, 5433, 'connect'], // os.getenv("DB_PORT", "5433")
    [5, 33, 3002, 'listen'], // process.env.PORT || 3002
  ]);
});

test('follows shell continuation lines and heredocs, firewall commands in YAML command lists, Kamal publish and Salt states', () => {
  const make = 'run:\n\tdocker run \\\n\t\t--rm \\\n\t\t-p 8000:8000 \\\n\t\t--name app \\\n\t\tapp:1.2\nps:\n\tps -p 1234 \\\n\t\t-o pid\n';
  assert.deepEqual(rows(make, 'Makefile'), [
    [3, 5, 8000, 'published'], // `-p` of the `docker run` its first line named
    [3, 10, 8000, 'container'],
  ]);
  const heredoc = "cat > /etc/nginx/conf.d/app.conf <<'EOF'\nserver {\n    listen 80 default;\n    proxy_read_timeout 90;\n}\nEOF\nsed -n 5p x <<< \"listen 81\"\n";
  assert.deepEqual(rows(heredoc, 'provision.sh'), [[2, 11, 80, 'listen']]);
  const cloudInit = "#cloud-config\nruncmd:\n  - ufw default deny incoming\n  - ufw allow 22/tcp\n  - [ sh, -c, 'echo 5' ]\n  - sleep 30\n";
  assert.deepEqual(rows(cloudInit, 'cloud-init.yaml'), [[3, 14, 22, 'firewall']]);
  const kamal = 'accessories:\n  ipfs:\n    options:\n      publish:\n        - 4001:4001\n        - 8080\n  web:\n    publish: true\n';
  assert.deepEqual(rows(kamal, 'config/deploy.yml'), [
    [4, 10, 4001, 'published'], // - 4001:4001
    [4, 15, 4001, 'container'],
    [5, 10, 8080, 'container'], // - 8080
  ]);
  assert.deepEqual(rows('state:\n  iptables.append:\n    - chain: INPUT\n    - dport: 22\n', 'iptables.sls'), [[3, 13, 22, 'firewall']]);
  const bicep = "resource nsg 'Microsoft.Network/networkSecurityGroups@2021-02-01' = {\n  properties: {\n    securityRules: [\n      {\n" +
    "        properties: {\n          priority: 1000\n          destinationPortRange: '22'\n          destinationPortRanges: [\n            '80'\n          ]\n        }\n      }\n    ]\n  }\n}\n";
  assert.deepEqual(rows(bicep, 'nsg.bicep'), [
    [6, 33, 22, 'firewall'], // destinationPortRange: '22'
    [8, 13, 80, 'firewall'], // '80' in a Bicep array (no commas)
  ]);
});

test('reads a Jinja fallback in the port place of an endpoint', () => {
  const tpl = 'upstream app {\n    server {{ h.ip }}:{{ h.port | default(8080) }};\n    server {{ ip }}:3001 weight=5;\n}\n';
  assert.deepEqual(rows(tpl, 'app.conf.j2'), [
    [1, 42, 8080, 'connect'], // server {{ h.ip }}:{{ h.port | default(8080) }};
    [2, 20, 3001, 'connect'], // server {{ ip }}:3001 weight=5;
  ]);
  // No literal fallback, or one that is no port number: nothing.
  assert.deepEqual(rows('a: "{{ a }}:{{ b }}"\nb: "x:{{ y | default(1.5) }}"\n', 'vars.yml'), []);
});

test('reads XML name/value pairs, PowerShell firewall rules, -h/-p endpoints, listen() calls, Tiltfiles, and a Dockerfile that holds compose YAML', () => {
  const xml = '<configuration>\n  <param name="listen-port" value="8021"/>\n  <param name="password" value="1234"/>\n' +
    '  <property name="port" value="8080"/>\n  <int name="hostPort">8983</int>\n  <int name="zkClientTimeout">30000</int>\n' +
    '  <property><name>dfs.datanode.http.port</name><value>50075</value></property>\n' +
    '  <property><name>dfs.replication</name><value>3</value></property>\n' +
    '  <socket-binding-group port-offset="${jboss.socket.binding.port-offset:0}"/>\n</configuration>\n';
  assert.deepEqual(rows(xml, 'event_socket.conf.xml'), [
    [1, 35, 8021, 'listen'], // <param name="listen-port" value="8021"/>
    [3, 31, 8080, 'unknown'], // <property name="port" value="8080"/>
    [4, 23, 8983, 'published'], // <int name="hostPort">8983</int>
    [6, 54, 50075, 'listen'], // <name>dfs.datanode.http.port</name><value>50075</value>
  ]);
  const ps = 'New-NetFirewallRule -DisplayName "Web_8081" -Direction Inbound -LocalPort 80 -Protocol TCP -Action Allow\n' +
    '$PortNumber = 443\nStart-Sleep -Seconds 30\n';
  assert.deepEqual(rows(ps, 'firewall.ps1'), [
    [0, 74, 80, 'firewall'], // -LocalPort 80 (the rule name's 8081 is a name)
    [1, 14, 443, 'listen'], // $PortNumber = 443
  ]);
  assert.deepEqual(rows('[ice]\nice="tcp -h 127.0.0.1 -p 6502"\ntimeout=30\n', 'murmur.ini'), [[1, 25, 6502, 'connect']]);
  assert.deepEqual(rows("app.listen(3000);\nserver.listen(9090, 'localhost', cb);\nsetTimeout(fn, 500);\n", 'server.js'), [
    [0, 11, 3000, 'listen'],
    [1, 14, 9090, 'listen'],
  ]);
  // Python's `listen` takes a backlog.
  assert.deepEqual(rows('sock.bind(("0.0.0.0", PORT))\nsock.listen(5)\n', 'server.py'), []);
  assert.deepEqual(rows("k8s_resource('frontend', port_forwards='3000', labels=['web'])\nk8s_resource('api', port_forwards=['8080:80'])\n", 'Tiltfile'), [
    [0, 40, 3000, 'unknown'],
    [1, 36, 8080, 'published'],
    [1, 41, 80, 'container'],
  ]);
  // Every Dockerfile has a FROM: a file so named without one is read by what it holds.
  assert.deepEqual(rows('services:\n  db:\n    image: postgres\n    ports:\n      - 5432:5432\n', 'Dockerfile'), [
    [4, 8, 5432, 'published'],
    [4, 13, 5432, 'container'],
  ]);
});

test('reads source files as text, never as a config format their lines resemble, and skips code that only looks like :port', () => {
  const py = 'HTTP_PORT = 80\nport = (addr[4] * 256) + addr[5]\nhead = s[:3]\nd = {\'x\':2}\nprint("{:7}".format(x))\nbind = "0.0.0.0:8000"\n';
  assert.deepEqual(rows(py, 'gunicorn.conf.py'), [
    [0, 12, 80, 'listen'], // HTTP_PORT = 80
    [5, 16, 8000, 'listen'], // bind = "0.0.0.0:8000"
  ]);
  // Time units are no hosts (openssl.cnf's TSA `accuracy`).
  assert.deepEqual(rows('[ tsa ]\naccuracy = secs:1, millisecs:500, microsecs:100\nserver = pki.example.fi:8700\n', 'openssl.cnf'), [[2, 24, 8700, 'connect']]);
  // A GitHub-style port index, but not the end of a longer word (`support[0]`).
  assert.deepEqual(rows('x = self._left_support[0]\ny = job.services.db.ports[5432]\n', 'cable.py'), [[1, 26, 5432, 'container']]);
});

test('reads network device rules: Cisco ACL operands, Snort/Suricata headers, ipfw, VyOS, CoreDNS, and not switch ports or route metrics', () => {
  const asa = 'object-group service svc\n service-object tcp destination eq 5222\n service-object udp destination range 19302 19309\n' +
    'access-list in extended permit tcp any host 10.0.0.5 eq https\naccess-list in extended permit tcp any any gt 1023\n' +
    'interface Ethernet0/1\n switchport access vlan 200\nroute INSIDE 10.0.0.0 255.0.0.0 192.0.2.2 1\n' +
    'ip nat inside source static tcp 192.168.8.12 25 93.133.244.31 587 extendable\n';
  assert.deepEqual(rows(asa, 'sample.asa'), [
    [1, 35, 5222, 'firewall'], // eq 5222
    [2, 38, 19302, 'firewall'], // range 19302 19309
    [2, 44, 19309, 'firewall'],
    [4, 46, 1023, 'firewall'], // gt 1023 (`eq https` names no number)
    [8, 45, 25, 'connect'], // an address, then its port
    [8, 62, 587, 'connect'],
  ]);
  const ids = 'alert tcp any any -> $HOME_NET 22 (msg:"SSH brute force"; flags:S,12; sid:1000001;)\n' +
    'alert udp any 53 -> any [1024:65535,!5353] (msg:"Netcat listen on port 12345"; sid:2;)\n';
  assert.deepEqual(rows(ids, 'local.rules'), [
    [0, 31, 22, 'firewall'], // the destination port field
    [1, 14, 53, 'firewall'], // the source port field
    [1, 25, 1024, 'firewall'], // a range in a list (the negated 5353 is excluded, not a port of the rule)
    [1, 30, 65535, 'firewall'],
    [1, 71, 12345, 'firewall'], // named in the msg text
  ]);
  const ipfw = '#!/bin/sh\nfw="/sbin/ipfw -q"\n${fw} -f flush\n${fw} allow tcp from any to me 22 setup keep-state\n' +
    '${fw} unreach port udp from any to me 33435-33524\n${fw} allow tcp from any to any out via em0 keep-state\n';
  assert.deepEqual(rows(ipfw, 'ipfw.rules'), [
    [3, 31, 22, 'firewall'],
    [4, 38, 33435, 'firewall'],
    [4, 44, 33524, 'firewall'],
  ]);
  const vyos = 'firewall {\n    name WAN_IN {\n        rule 10 {\n            destination {\n                port 80,443\n            }\n            protocol tcp\n        }\n    }\n}\n';
  assert.deepEqual(rows(vyos, 'config.boot'), [
    [4, 21, 80, 'listen'],
    [4, 24, 443, 'listen'],
  ]);
  assert.deepEqual(rows('.:53 {\n    forward . 8.8.8.8:53\n    cache 30\n}\n', 'Corefile'), [
    [0, 2, 53, 'listen'],
    [1, 22, 53, 'connect'],
  ]);
});

test('reads calls, subscripted command keys, SRV records, %VAR% hosts, CDK ports and name/value environment entries', () => {
  assert.deepEqual(rows('addDOHLocal(\'0.0.0.0:80\', nil, nil, \'/\')\nwebserver("0.0.0.0:8083")\nsetMaxUDPOutstanding(65535)\n', 'dnsdist.conf'), [
    [0, 21, 80, 'listen'],
    [1, 19, 8083, 'listen'],
  ]);
  const nrpe = 'command[check_memcached]=/usr/lib/nagios/plugins/check_tcp -H 127.0.0.1 -p11211 -w2\n' +
    'command[check_load]=/usr/lib/nagios/plugins/check_load -w 15,10,5 -c 30,25,20\n';
  assert.deepEqual(rows(nrpe, 'nrpe_local.cfg'), [[0, 74, 11211, 'listen']]);
  assert.deepEqual(rows('srv-host=_ldap._tcp.example.com,ldapserver.example.com,389\ndhcp-option=46,8\n', 'dnsmasq.conf'), [[0, 55, 389, 'connect']]);
  assert.deepEqual(rows('stream {\n  server {\n    listen %HOSTIP%:3306;\n  }\n}\n', 'mysql.conf.tpl'), [[2, 20, 3306, 'listen']]);
  // pf's `($ext_if:0)` is the interface's first address.
  assert.deepEqual(rows('match out on $ext_if inet from !($ext_if:network) to any nat-to ($ext_if:0)\n', 'pf.conf'), []);
  const cdk = "sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));\nsg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcpRange(8000, 8010));\n";
  assert.deepEqual(rows(cdk, 'stack.ts'), [
    [0, 51, 443, 'firewall'],
    [1, 56, 8000, 'firewall'],
    [1, 62, 8010, 'firewall'],
  ]);
  const ecs = '{\n  "environment": [\n    { "name": "JENKINS_OPTS", "value": "--httpPort=8080" },\n    { "name": "PORT", "value": "3000" },\n    { "name": "WORKERS", "value": "4" }\n  ]\n}\n';
  assert.deepEqual(rows(ecs, 'task_def.json'), [
    [2, 51, 8080, 'listen'], // options of a command line
    [3, 32, 3000, 'unknown'], // the value of PORT
  ]);
  assert.deepEqual(rows('Environment:\n  - Name: PORT\n    Value: 80\n  - Name: NODE_ENV\n    Value: production\n', 'service.yaml'), [[2, 11, 80, 'unknown']]);
  assert.deepEqual(rows('job "db" {\n  task "mysql" {\n    config {\n      port_map {\n        http = 3306\n      }\n    }\n  }\n}\n', 'mysql.nomad'), [[4, 15, 3306, 'listen']]);
});

test('leaves out numbers that only look like ports: leading zeros, device sockets named "port"', () => {
  // A port is never written with a leading zero: a file mode, a USB product id, a time.
  assert.deepEqual(rows('d- /root :0700 root :root -\nNeedle "USB1397:0507"\nat = 6:00\nx = localhost:0\n', 'provision.conf'), [[3, 14, 0, 'connect']]);
  // A display, USB or serial port is a socket on a device.
  const ucm = 'SectionDevice."HDMI1" {\n\tComment "HDMI/Display Port 1 Stereo"\n}\nacl SSL_ports port 443\n';
  assert.deepEqual(rows(ucm, 'Hdmi1.conf'), [[3, 19, 443, 'firewall']]);
  assert.deepEqual(rows('description: Plug the sensor into USB port 2, then open port 8080\n', 'values.yaml'), [[0, 61, 8080, 'unknown']]);
});

test('reads a YAML key that is an address and a port as two words (keepalived kept in a Salt pillar)', () => {
  const pillar = 'keepalived:\n  virtual_server:\n    "192.168.1.20 22":\n      delay_loop: 6\n    10.0.0.1 80:\n      lb_algo: rr\n    "1.2.3 4": x\n';
  assert.deepEqual(rows(pillar, 'pillar.sls'), [
    [2, 18, 22, 'unknown'],
    [4, 13, 80, 'unknown'],
  ]);
});

test('reads port/protocol notation in directive files (/etc/services) and roles of words run together (netsh)', () => {
  const services = 'ssh\t\t22/tcp\t\t\t\t# SSH Remote Login Protocol\nhttp\t\t80/tcp\t\twww\t\t# WorldWideWeb HTTP\nx11\t\t6000/tcp\t\tx11-0\n';
  assert.deepEqual(rows(services, '/etc/services'), [
    [0, 5, 22, 'unknown'],
    [1, 6, 80, 'unknown'],
    [2, 5, 6000, 'unknown'],
  ]);
  const netsh = 'netsh interface portproxy add v4tov4 listenport=8080 listenaddress=0.0.0.0 connectport=80 connectaddress=10.0.0.1\n';
  assert.deepEqual(rows(netsh, 'proxy.ps1'), [
    [0, 48, 8080, 'listen'], // listenport=
    [0, 87, 80, 'connect'], // connectport=
  ]);
  // haproxy's runtime API listens where `stats socket` says, like a bind.
  assert.deepEqual(rows('global\n    stats socket ipv4@127.0.0.1:9999 level admin\n    stats socket /var/run/haproxy.sock mode 660\n', 'haproxy.cfg'), [
    [1, 32, 9999, 'listen'],
  ]);
});

test('flags endpoints on comment lines of files of no known format as comments', () => {
  const text = '# old: localhost:8080\nurl = "http://db:5432"\n  // proxy to 127.0.0.1:3000\n';
  assert.deepEqual(rows(text, 'notes.txt'), [
    [0, 17, 8080, 'connect', true],
    [1, 17, 5432, 'connect'],
    [2, 24, 3000, 'connect', true],
  ]);
  // CR-only line ends too.
  assert.deepEqual(rows('# a:8081\rurl = http://db:5433\r', 'notes.txt'), [
    [0, 4, 8081, 'connect', true],
    [1, 16, 5433, 'connect'],
  ]);
});
