// The pool a cloud controller hands LoadBalancer addresses from, as kind's cloud-provider-kind
// or MetalLB would on the kind network: 172.18.255.200 upwards, each address to one Service.

const FIRST = (172 << 24) | (18 << 16) | (255 << 8) | 200;
const LAST = (172 << 24) | (18 << 16) | (255 << 8) | 254;

function format(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export class LoadBalancerIps {
  private readonly owners = new Map<string, string>();

  /** Records an address a Service already holds (after a restart). */
  claim(ip: string, owner: string): void {
    this.owners.set(ip, owner);
  }

  /** The address `owner` holds, or the lowest free one; undefined when the pool is exhausted. */
  allocate(owner: string): string | undefined {
    for (const [ip, holder] of this.owners) if (holder === owner) return ip;
    for (let n = FIRST; n <= LAST; n++) {
      const ip = format(n >>> 0);
      if (!this.owners.has(ip)) {
        this.owners.set(ip, owner);
        return ip;
      }
    }
    return undefined;
  }

  release(owner: string): void {
    for (const [ip, holder] of this.owners) if (holder === owner) this.owners.delete(ip);
  }
}
