// `nslookup NAME`, as busybox prints it in a pod, against cluster DNS from the shell's
// namespace: the server (the cluster DNS Service), then the name that answered with its
// addresses, or NXDOMAIN. Reverse lookups of addresses are not served.

import { CLUSTER_DNS_IP } from '../../cluster/topology';
import { candidateNames } from '../../cluster/cluster-dns';
import type { Program } from '../program';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export const nslookupProgram: Program = async (io) => {
  const operands = io.argv.slice(1).filter((arg) => !arg.startsWith('-'));
  if (operands.length === 0 || operands.length > 2) {
    io.stderr('Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n');
    return 1;
  }
  const [name, server = CLUSTER_DNS_IP] = operands;
  io.stdout(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
  if (IPV4.test(name)) {
    io.stdout(`** server can't find ${name.split('.').reverse().join('.')}.in-addr.arpa: NXDOMAIN\n\n`);
    return 1;
  }
  const network = io.shell.network;
  if (network && server === CLUSTER_DNS_IP) {
    const namespace = io.shell.env.KUBECTL_NAMESPACE || 'default';
    for (const candidate of candidateNames(name, namespace)) {
      const addresses = await network.resolve(`${candidate}.`, namespace);
      if (addresses.length === 0) continue;
      io.stdout(`${addresses.map((address) => `Name:\t${candidate}\nAddress: ${address}\n`).join('')}\n`);
      return 0;
    }
  } else {
    io.stdout(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  io.stdout(`** server can't find ${name}: NXDOMAIN\n\n** server can't find ${name}: NXDOMAIN\n\n`);
  return 1;
};
