// Importing the groups brings every kind's declaration merging into scope.
import './group-data.js';
import './group-network.js';
import './group-security.js';
