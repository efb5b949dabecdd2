/**
 * Unofficial uses that developers meet daily: defaults of popular tools,
 * whatever IANA has assigned there. Each line names the tool whose own
 * documentation sets that default.
 */
export const UNOFFICIAL_USES: ReadonlyMap<number, readonly string[]> = new Map<number, readonly string[]>([
  [1080, ['SOCKS proxies (ssh -D, Dante)']],
  [1313, ['Hugo development server']],
  [1433, ['Microsoft SQL Server']],
  [1521, ['Oracle Database listener']],
  [1883, ['MQTT brokers such as Mosquitto (8883 with TLS)']],
  [2375, ['Docker Engine API without TLS (never expose it)']],
  [2376, ['Docker Engine API with TLS']],
  [2379, ['etcd client API']],
  [2380, ['etcd peer API']],
  [3000, ['Node.js, Express, Rails, Next.js and Grafana development servers']],
  [3001, ['second Node.js/React development server']],
  [3306, ['MySQL and MariaDB']],
  [3389, ['Windows Remote Desktop (RDP)']],
  [4000, ['Phoenix, Jekyll and other development servers']],
  [4200, ['Angular CLI development server (ng serve)']],
  [4318, ['OpenTelemetry OTLP over HTTP (4317 for gRPC)']],
  [4443, ['alternative HTTPS for development']],
  [5000, ['Flask and ASP.NET Core development servers', 'Docker registry', 'macOS AirPlay Receiver (macOS 12+)']],
  [5001, ['ASP.NET Core HTTPS development server']],
  [5173, ['Vite development server']],
  [5432, ['PostgreSQL']],
  [5601, ['Kibana']],
  [5672, ['RabbitMQ AMQP (15672 for the management UI)']],
  [5900, ['VNC (display :0)']],
  [6379, ['Redis']],
  [6443, ['Kubernetes API server']],
  [7000, ['Cassandra inter-node traffic', 'macOS AirPlay Receiver (macOS 12+)']],
  [8000, ['Django and Python http.server development servers']],
  [8080, ['HTTP alternative: Tomcat, Jenkins, proxies and countless development servers']],
  [8081, ['second HTTP alternative (Nexus, Metro bundler)']],
  [8443, ['HTTPS alternative (Tomcat, Kubernetes dashboards)']],
  [8888, ['Jupyter Notebook']],
  [9000, ['PHP-FPM, SonarQube, MinIO']],
  [9090, ['Prometheus, Cockpit']],
  [9092, ['Apache Kafka broker']],
  [9100, ['Prometheus node_exporter', 'raw printing (JetDirect)']],
  [9200, ['Elasticsearch and OpenSearch HTTP API (9300 for transport)']],
  [9229, ['Node.js inspector (--inspect)']],
  [9418, ['git:// protocol daemon']],
  [11211, ['Memcached']],
  [15672, ['RabbitMQ management UI']],
  [19999, ['Netdata']],
  [25565, ['Minecraft Java Edition server']],
  [27017, ['MongoDB']],
]);

/**
 * Ports historically used by well-known malware. Information only: most are
 * also legitimately assigned or used, and the hover says so.
 * Sources: vendor write-ups of each family (Symantec, F-Secure, CERT
 * advisories CA-2003-20 for Blaster, CA-2003-04 for Slammer).
 */
export const MALWARE_ASSOCIATIONS: ReadonlyMap<number, readonly string[]> = new Map<number, readonly string[]>([
  [1243, ['SubSeven']],
  [1434, ['SQL Slammer worm (UDP), which targeted Microsoft SQL Server\'s monitor port']],
  [2745, ['Bagle worm backdoor']],
  [3127, ['MyDoom worm backdoor']],
  [4444, ['Blaster worm (remote shell); also the default Metasploit listener']],
  [5554, ['Sasser worm (FTP server)']],
  [6667, ['IRC-controlled botnets (Agobot, SDBot)']],
  [9996, ['Sasser worm (remote shell)']],
  [12345, ['NetBus']],
  [12346, ['NetBus']],
  [20034, ['NetBus 2 Pro']],
  [27374, ['SubSeven']],
  [31337, ['Back Orifice']],
  [31338, ['Back Orifice (variant)']],
  [54320, ['Back Orifice 2000']],
  [54321, ['Back Orifice 2000']],
]);
